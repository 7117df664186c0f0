import { LocalSystem } from '../../../tools/local/run-local';
import { EAST, evictionRun, fault, idleRun, reportOf, settled, sleep, SLACK_MS, WEST } from '../../helpers/error-eviction';
import { SteadyClient } from '../../helpers/poll-global';

jest.setTimeout(90_000);

/** Samples both regions' reports every 50 ms for `forMs`. */
async function watch(system: LocalSystem, forMs: number) {
  const samples = [];
  for (const end = Date.now() + forMs; Date.now() < end; await sleep(50)) samples.push(system.report().regions);
  return samples.flat();
}

// Two local runs side by side: each watches for as long as eviction may take (2.5x the model bound).
describe('no region leaves DNS', () => {
  const runs: Array<{ system: LocalSystem; client?: SteadyClient }> = [];
  afterAll(async () => {
    await Promise.all(runs.map(async ({ system, client }) => {
      await client?.stop();
      await system.stop();
    }));
  });

  test.concurrent('at a 1% error rate under steady traffic: the rate stays under the alarm\'s threshold', async () => {
    const run = await evictionRun();
    runs.push(run);
    const { system, client } = run;
    await settled(system, client);
    expect((await fault(system, EAST, { fault: 'hello-errors', rate: 0.01 })).status).toBe(200);
    const from = Date.now();
    const samples = await watch(system, 2.5 * system.modelErrorRateMs! + SLACK_MS);
    expect(samples.filter((r) => !r.inDns || r.alarm === 'ALARM')).toEqual([]);
    // The fault was on: some periods had a 5xx, never more than the 5% threshold.
    const east = samples.filter((r) => r.region === EAST);
    expect(Math.max(...east.map((r) => r.errorRate ?? 0))).toBeGreaterThan(0);
    expect(Math.max(...east.map((r) => r.errorRate ?? 0))).toBeLessThanOrEqual(0.05);
    expect(client.since(from).filter((a) => a.servedBy !== EAST)).toEqual([]);
  });

  test.concurrent('when idle (no user traffic, only Route 53\'s probes): the alarms see clean periods', async () => {
    const run = await idleRun();
    runs.push(run);
    const { system } = run;
    const samples = await watch(system, 2.5 * system.modelErrorRateMs! + SLACK_MS);
    expect(samples.filter((r) => !r.inDns || !r.healthy)).toEqual([]);
    // The probes of the served route are its only requests: data every period, all of it clean.
    expect([reportOf(system, EAST), reportOf(system, WEST)].map((r) => [r.alarm, r.errorRate])).toEqual([['OK', 0], ['OK', 0]]);
    expect(Math.min(...samples.slice(-2).map((r) => r.requests ?? 0))).toBeGreaterThan(0);
  });
});
