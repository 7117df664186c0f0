import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { UsageError } from '../../../tools/cli/args';
import { readRelease, RELEASE_FILE } from '../../../tools/rollout/release';
import { defaultStateDir, freshRelease, LAST_RELEASE, readLastRelease, saveLastRelease } from '../../../tools/rollout/release-store';
import { writeRelease } from '../../../tools/rollout/release-writer';
import { projectRoot } from '../../../src/project-root';
import { synthesizeMini } from '../../helpers/rollout';

// A stand-in synth (the real one is covered by the stack-model suites): what it writes, not how, matters here.
const copySynth = synthesizeMini;
const scratch = () => mkdtempSync(join(tmpdir(), 'rollout-store-'));

describe('writeRelease and readRelease', () => {
  test('a release folder: the synth and a release.json whose ids readRelease recomputes', () => {
    const dir = join(scratch(), 'r1');
    const manifest = writeRelease(dir, copySynth);
    expect(JSON.parse(readFileSync(join(dir, RELEASE_FILE), 'utf8'))).toEqual(manifest);
    expect(manifest).toMatchObject({ format: 1, stack: 'multi-region-api', retiredRegions: [] });
    const release = readRelease(dir, '--to');
    expect(release.manifest).toEqual(manifest);
    expect(release.attribution.regions).toEqual(['us-east-1', 'us-west-2']);
  });

  test('never overwrites, and a failed synth leaves nothing behind', () => {
    const parent = scratch();
    const dir = join(parent, 'r1');
    writeRelease(dir, copySynth);
    expect(() => writeRelease(dir, copySynth)).toThrow(new UsageError(`--out ${dir} already exists and is not empty: a release is never overwritten; choose a new folder`));
    expect(() => writeRelease(join(parent, 'r2'), () => { throw new Error('Invalid configuration config/prod.json: 1 problem'); })).toThrow('Invalid configuration');
    expect(readdirSync(parent)).toEqual(['r1']);
  });

  test('a folder edited after the release, or without release.json, is refused in one line naming the flag', () => {
    const dir = join(scratch(), 'r1');
    writeRelease(dir, copySynth);
    const stackFile = join(dir, 'stacks', 'multi-region-api', 'cdk.tf.json');
    writeFileSync(stackFile, readFileSync(stackFile, 'utf8').replace('"memory_size": 128', '"memory_size": 256'));
    expect(() => readRelease(dir, '--previous')).toThrow(/^--previous \S+: release.json says us-east-1 is [0-9a-f]{16}, its stack gives [0-9a-f]{16}: the folder changed after `npm run release`$/);
    expect(() => readRelease(scratch(), '--to')).toThrow(/^--to \S+: no release.json; make a release with `npm run release -- --out <dir>`$/);
  });
});

describe('the release store', () => {
  test('the last release is saved whole and read back; a save cut between its renames still leaves one', () => {
    const stateDir = scratch();
    expect(readLastRelease(stateDir)).toBeUndefined();
    const release = readRelease((() => { const d = join(scratch(), 'r'); writeRelease(d, copySynth); return d; })(), '--to');
    const saved = saveLastRelease(stateDir, release);
    expect(saved).toBe(join(stateDir, LAST_RELEASE));
    expect(readLastRelease(stateDir)?.key).toBe(release.key);
    saveLastRelease(stateDir, release);
    expect(readdirSync(stateDir)).toEqual([LAST_RELEASE]);

    renameSync(saved, join(stateDir, `.${LAST_RELEASE}.replaced-123`));
    expect(readLastRelease(stateDir)?.key).toBe(release.key);
  });

  test('a fresh release is kept under releases/<key>: the same source gives the same folder', () => {
    const stateDir = scratch();
    const first = freshRelease(stateDir, copySynth);
    const second = freshRelease(stateDir, copySynth);
    expect(second.dir).toBe(first.dir);
    expect(first.dir).toBe(join(stateDir, 'releases', first.key));
    expect(readdirSync(join(stateDir, 'releases'))).toEqual([first.key]);
  });

  test('one state folder per config file', () => {
    expect(defaultStateDir({ MULTI_REGION_CONFIG: 'config/prod.json' })).toBe(join(projectRoot(), '.rollout', 'prod'));
    expect(defaultStateDir({})).toBe(join(projectRoot(), '.rollout', 'example'));
    expect(existsSync(join(projectRoot(), '.rollout', 'prod'))).toBe(false);
  });
});
