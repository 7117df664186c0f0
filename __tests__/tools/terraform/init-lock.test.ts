import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { withInitLock } from '../../../tools/terraform/init-lock';

const cacheDir = () => join(mkdtempSync(join(tmpdir(), 'mr-api-init-lock-')), 'plugins');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('withInitLock', () => {
  test('inits that share a plugin cache take turns, and the lock is gone after each', async () => {
    const cache = cacheDir();
    const spans: Array<[string, number, number]> = [];
    const init = (name: string) => withInitLock(cache, async () => {
      const start = Date.now();
      await sleep(150);
      spans.push([name, start, Date.now()]);
      return name;
    });
    await expect(Promise.all([init('a'), init('b'), init('c')])).resolves.toEqual(['a', 'b', 'c']);
    const sorted = [...spans].sort((x, y) => x[1] - y[1]);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i][1]).toBeGreaterThanOrEqual(sorted[i - 1][2]);
    expect(existsSync(`${cache}.init-lock`)).toBe(false);
  });

  test('a lock left by a process that is gone is taken over', async () => {
    const cache = cacheDir();
    mkdirSync(`${cache}.init-lock`, { recursive: true });
    writeFileSync(join(`${cache}.init-lock`, 'pid'), '2147483646');
    await expect(withInitLock(cache, async () => 'ran')).resolves.toBe('ran');
  });

  test('a lock its owner still holds past the timeout: a clear error naming the lock, and the work never runs', async () => {
    const cache = cacheDir();
    mkdirSync(`${cache}.init-lock`, { recursive: true });
    writeFileSync(join(`${cache}.init-lock`, 'pid'), String(process.pid));
    const work = jest.fn(async () => 'ran');
    await expect(withInitLock(cache, work, 300)).rejects.toThrow(`another terraform init to release ${cache}.init-lock`);
    expect(work).not.toHaveBeenCalled();
  });

  test('the lock is released when the init fails', async () => {
    const cache = cacheDir();
    await expect(withInitLock(cache, async () => { throw new Error('init failed'); })).rejects.toThrow('init failed');
    expect(existsSync(`${cache}.init-lock`)).toBe(false);
  });
});
