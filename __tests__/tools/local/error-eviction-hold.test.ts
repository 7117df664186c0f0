import { LocalSystem } from '../../../tools/local/run-local';
import { clearEast, EAST, evictEast, evictionRun, fault, periodMs, reportOf, sleep, WEST } from '../../helpers/error-eviction';
import { SteadyClient } from '../../helpers/poll-global';

jest.setTimeout(90_000);

describe('a region whose hello function throws on 30% of invocations (fault "hello-errors", rate 0.3)', () => {
  const log: string[] = [];
  let system: LocalSystem;
  let client: SteadyClient;
  beforeAll(async () => {
    ({ system, client } = await evictionRun(log));
  });
  afterAll(async () => {
    await client?.stop();
    await system?.stop();
  });

  test('leaves through its error-rate alarm, stays out for ten periods (no flapping), comes back after "none"', async () => {
    try {
      const leftMs = await evictEast(system, client, 0.3);
      expect(reportOf(system, EAST)).toMatchObject({ healthy: false, inDns: false, alarm: 'ALARM', faultRate: 0.3 });
      expect(log.some((line) => /^us-east-1: alarm multi-region-api-error-rate-us-east-1 ALARM \(last period: 5XXError Average 0\.[23]/.test(line)))
        .toBe(true);
      // Out of DNS, the served route still answers Route 53's probes, 3 in 10 of them 5xx: the alarm stays in ALARM.
      const holdFrom = Date.now();
      const reports = [];
      while (Date.now() - holdFrom < 10 * periodMs) {
        reports.push(reportOf(system, EAST));
        await sleep(periodMs / 4);
      }
      expect(client.since(holdFrom).filter((a) => a.servedBy !== WEST)).toEqual([]);
      expect(reports.filter((r) => r.inDns || r.alarm !== 'ALARM')).toEqual([]);
      expect(Math.min(...reports.map((r) => r.errorRate ?? 0))).toBeGreaterThan(0.05);
      const backMs = await clearEast(system, client);
      console.log(`hello-errors 0.3: traffic left after ${leftMs} ms, stayed out for ${10 * periodMs} ms (10 periods), `
        + `back ${backMs} ms after "none"; model ${system.modelErrorRateMs} ms`);
    } finally {
      await fault(system, EAST, { fault: 'none' });
    }
  });
});
