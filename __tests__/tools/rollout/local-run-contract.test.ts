import { startLocal } from '../../../tools/local/run-local';
import { RolloutError } from '../../../tools/rollout/errors';
import { LocalRunClient } from '../../../tools/rollout/local-run-client';
import { LocalTarget } from '../../../tools/rollout/local-target';
import { httpProber } from '../../../tools/rollout/probe';
import { readRelease, regionId, Release } from '../../../tools/rollout/release';
import { releaseOf } from '../../helpers/local-releases';
import { FakeLocalRun } from './fake-local-run';

jest.setTimeout(60_000);

const EAST = 'us-east-1';
const WEST = 'us-west-2';
const TIME_SCALE = 10;

interface RunningLocal {
  readonly url: string;
  stop(): Promise<void>;
}

/** The same local run contract, against the fake the rollout's tests use and against the real local run. */
const runs: Array<[string, (previous: Release) => Promise<RunningLocal>]> = [
  ['the fake local run', async (previous) => {
    const fake = new FakeLocalRun({ [EAST]: regionId(previous, EAST), [WEST]: regionId(previous, WEST) }, TIME_SCALE);
    return { url: await fake.start(), stop: () => fake.stop() };
  }],
  ['the real local run', async (previous) => {
    const system = await startLocal({ stackDir: previous.stackDir, port: 0, timeScale: TIME_SCALE });
    return { url: system.globalUrl, stop: () => system.stop() };
  }],
];

describe.each(runs)('the local run contract the rollout codes against: %s', (_name, start) => {
  const previous = readRelease(releaseOf().outdir, '--previous');
  const next = readRelease(releaseOf({ lambda: { memoryMb: 256 } }).outdir, '--to');
  const signal = new AbortController().signal;
  let local: RunningLocal;
  let target: LocalTarget;
  let client: LocalRunClient;
  beforeAll(async () => {
    local = await start(previous);
    client = new LocalRunClient(local.url, 5000);
    target = new LocalTarget(client);
  });
  afterAll(() => local?.stop());

  test('GET /control/regions: timeScale, and per region its url and the release of the stack it started with', async () => {
    expect(await target.timeScale(signal)).toBe(TIME_SCALE);
    const report = await client.regions(signal);
    for (const region of [EAST, WEST]) {
      expect(report.regions.find((r) => r.region === region)).toMatchObject({
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+/), release: regionId(previous, region), releasesServed: [regionId(previous, region)],
      });
    }
  });

  test('the region\'s url answers synthetic requests with its hostname', async () => {
    expect(await httpProber(await target.probeTarget(previous, WEST, signal), 2000, signal)).toEqual({ ok: true, detail: 'HTTP 200' });
  });

  test('POST .../release makes release equal the id manifestOf gives the stack, and releasesServed grows', async () => {
    await target.apply({ release: next, from: previous, regions: [WEST], label: 'wave 1' }, signal);
    const report = await client.regions(signal);
    expect(report.regions.find((r) => r.region === WEST)).toMatchObject({ release: regionId(next, WEST), releasesServed: [regionId(previous, WEST), regionId(next, WEST)] });
    expect(report.regions.find((r) => r.region === EAST)).toMatchObject({ release: regionId(previous, EAST), releasesServed: [regionId(previous, EAST)] });
    expect(await httpProber(await target.probeTarget(next, WEST, signal), 2000, signal)).toEqual({ ok: true, detail: 'HTTP 200' });
  });

  test.each([
    ['a folder that is not a synthesized stack', () => '/nowhere'],
    ['a stack without the region', () => releaseOf({ regions: [EAST, 'eu-west-1'] }).stackDir],
  ])('%s: 400 with {"message"}, the region unchanged', async (_what, stackDir) => {
    const before = await target.whatRunsWhere([WEST], signal);
    const refused = client.release(WEST, stackDir(), signal);
    await expect(refused).rejects.toThrow(RolloutError);
    await expect(refused).rejects.toThrow(/: 400 \S/);
    expect(await target.whatRunsWhere([WEST], signal)).toEqual(before);
  });
});
