import { Probe, probeDependencies } from '../../../lambda-src/health-check/dependencies';

const up: Probe = async () => 'up';
const down: Probe = async () => 'http-500';
/** Never answers and ignores its abort signal: the worst dependency there is. */
const hangs: Probe = () => new Promise(() => undefined);

describe('probeDependencies', () => {
  test('no dependencies, no failures', async () => {
    await expect(probeDependencies([], 100, hangs)).resolves.toEqual([]);
  });

  test('reports failing dependencies by index, in parallel', async () => {
    const probe: Probe = (url) => (url.includes('bad') ? down(url, new AbortController().signal) : up(url, new AbortController().signal));
    await expect(probeDependencies(['https://a', 'https://bad', 'https://c'], 500, probe))
      .resolves.toEqual([{ index: 1, outcome: 'http-500' }]);
  });

  test('a hanging dependency is a timeout once the shared budget runs out, not later', async () => {
    const started = Date.now();
    const failures = await probeDependencies(['https://slow-1', 'https://slow-2'], 200, hangs);
    const elapsed = Date.now() - started;
    expect(failures).toEqual([{ index: 0, outcome: 'timeout' }, { index: 1, outcome: 'timeout' }]);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(1000);
  });

  test('the probe is told to stop when the budget runs out', async () => {
    let aborted = false;
    const listens: Probe = (_url, signal) => new Promise((resolve) => {
      signal.addEventListener('abort', () => {
        aborted = true;
        resolve('timeout');
      });
    });
    await probeDependencies(['https://slow'], 50, listens);
    expect(aborted).toBe(true);
  });

  test('a probe that throws counts as unreachable', async () => {
    const throws: Probe = async () => {
      throw new Error('boom');
    };
    await expect(probeDependencies(['https://x'], 100, throws)).resolves.toEqual([{ index: 0, outcome: 'unreachable' }]);
  });
});
