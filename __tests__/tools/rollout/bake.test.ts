import { bake, BakeOptions } from '../../../tools/rollout/bake';
import { RegionSignals } from '../../../tools/rollout/target';
import { FakeClock } from '../../helpers/clock';
import { fakeProber } from './fake-target';

const OPTIONS: BakeOptions = {
  label: 'wave 1', regions: ['us-west-2', 'eu-west-1'], bakeMs: 300_000, minRequests: 100, pollMs: 15_000, threshold: 0.05, probeTimeoutMs: 1000,
};
const probes = new Map(OPTIONS.regions.map((region) => [region, { url: `http://fake/${region}` }]));
const quiet = (regions: readonly string[]): RegionSignals[] => regions.map((region) => ({ region, fired: [] }));

function run(options: Partial<BakeOptions>, read: (regions: readonly string[]) => RegionSignals[] | Promise<RegionSignals[]> = quiet, prober = fakeProber()) {
  const clock = new FakeClock();
  const result = bake({ ...OPTIONS, ...options }, {
    gates: { read: async (regions) => read(regions) }, probes, prober, clock, log: () => undefined,
  }, new AbortController().signal);
  return { result, clock, prober };
}

describe('bake', () => {
  test('holds for the bake time and the request floor, pacing synthetic requests to reach it', async () => {
    const { result, clock, prober } = run({});
    const outcome = await result;
    expect(outcome.passed).toBe(true);
    expect(outcome.elapsedMs).toBe(300_000);
    expect(clock.sleeps).toBe(20);
    // The floor, paced over the bake (at least one a reading): about 100 each, not 25 a reading.
    expect(prober.sent.get('us-west-2')).toBeGreaterThanOrEqual(100);
    expect(prober.sent.get('us-west-2')).toBeLessThan(130);
    expect(outcome.counts.get('eu-west-1')).toEqual({ requests: prober.sent.get('eu-west-1'), failed: 0 });
  });

  test('real traffic from the metrics counts toward the floor: only one synthetic request a reading then', async () => {
    const busy = (regions: readonly string[]) => regions.map((region) => ({ region, fired: [], requests: 5000, failedRequests: 3 }));
    const { result, prober } = await run({ bakeMs: 60_000 }, busy);
    const outcome = await result;
    expect(outcome.passed).toBe(true);
    expect(prober.sent.get('us-west-2')).toBe(5);
    expect(outcome.counts.get('us-west-2')).toEqual({ requests: 5000, failed: 3 });
  });

  test('does not end before the request floor even after the bake time', async () => {
    const { result } = run({ bakeMs: 0, minRequests: 80 });
    const outcome = await result;
    expect(outcome.passed).toBe(true);
    expect(outcome.elapsedMs).toBe(45_000); // 25 requests a reading at most: the 4th reading sees 100 >= 80
  });

  test('fails at the first fired signal, naming its region', async () => {
    let readings = 0;
    const alarm = (regions: readonly string[]) => regions.map((region) => ({
      region, fired: region === 'eu-west-1' && ++readings > 3 ? ['error-rate alarm multi-region-api-error-rate-eu-west-1 is ALARM (threshold crossed)'] : [],
    }));
    const outcome = await run({}, alarm).result;
    expect(outcome).toMatchObject({ passed: false, fired: { region: 'eu-west-1', signal: expect.stringContaining('is ALARM') }, elapsedMs: 45_000 });
  });

  test('fails when failed requests pass the threshold of max(requests, floor), with the last failure', async () => {
    const outcome = await run({}, quiet, fakeProber((region) => region === 'us-west-2')).result;
    expect(outcome.passed).toBe(false);
    expect(outcome.fired).toEqual({ region: 'us-west-2', signal: '10 of 10 requests failed, more than 5%; last: HTTP 502' });
    expect(outcome.counts.get('us-west-2')).toEqual({ requests: 10, failed: 10 });
  });

  test('a gate that cannot be read fails the bake (never a pass)', async () => {
    const outcome = await run({}, () => Promise.reject(new Error('reading CloudWatch alarms in us-west-2: AWS did not answer within 1 s (3 attempts)'))).result;
    expect(outcome).toMatchObject({ passed: false, fired: { region: 'us-west-2, eu-west-1', signal: expect.stringMatching(/^gates unreadable: reading CloudWatch alarms/) } });
  });
});
