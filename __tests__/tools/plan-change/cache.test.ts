import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CacheEntry } from '../../../tools/plan-change/cache';
import { stateFileProblem } from '../../../tools/plan-change/prior-state/state-file';

const STATE = { version: 4, terraform_version: '1.11.4', serial: 3, lineage: 'l', outputs: {}, resources: [], check_results: null };

function entry(key = 'k1') {
  const dir = mkdtempSync(join(tmpdir(), 'plan-change-cache-'));
  return new CacheEntry<typeof STATE>(join(dir, 'state-k1.json'), 'prior state', key, stateFileProblem);
}

function read(cached: CacheEntry<typeof STATE>) {
  const notices: string[] = [];
  return { value: cached.read((line) => notices.push(line)), notices };
}

describe('CacheEntry', () => {
  test('a value written is read back whole; no temporary file is left; a missing entry is no news', () => {
    const cached = entry();
    expect(read(cached)).toEqual({ value: undefined, notices: [] });
    cached.write(STATE);
    expect(read(cached)).toEqual({ value: STATE, notices: [] });
    expect(readdirSync(join(cached.file, '..'))).toEqual(['state-k1.json']);
  });

  test('a truncated entry is reported in one line, removed and not used', () => {
    const cached = entry();
    cached.write(STATE);
    const text = readFileSync(cached.file, 'utf8');
    writeFileSync(cached.file, text.slice(0, text.length / 2));
    const { value, notices } = read(cached);
    expect(value).toBeUndefined();
    expect(notices).toEqual([expect.stringMatching(/^cache entry state-k1\.json is not whole JSON \(\d+ bytes; .+\): not used, building it again$/)]);
    expect(existsSync(cached.file)).toBe(false);
  });

  test('foreign entries are reported and not used: another kind, another key, a bare state, an invalid state', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ cache: 'plan-change', kind: 'provider schema', key: 'k1', value: {} }, /holds no plan-change prior state/],
      [{ cache: 'plan-change', kind: 'prior state', key: 'k2', value: STATE }, /holds a prior state of another input \(key k2, expected k1\)/],
      [STATE, /holds no plan-change prior state/],
      [{ cache: 'plan-change', kind: 'prior state', key: 'k1', value: { ...STATE, resources: {} } }, /holds a prior state that is not valid \(no resources list\)/],
    ];
    for (const [content, problem] of cases) {
      const cached = entry();
      writeFileSync(cached.file, JSON.stringify(content));
      const { value, notices } = read(cached);
      expect({ value, notices }).toEqual({ value: undefined, notices: [expect.stringMatching(problem)] });
    }
  });
});
