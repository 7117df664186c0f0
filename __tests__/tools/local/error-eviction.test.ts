import { readFileSync } from 'fs';
import { join } from 'path';
import { LocalSystem, modelErrorRateMs } from '../../../tools/local/run-local';
import {
  clearEast, EAST, evictEast, evictionRun, fault, periodMs, reportOf, settled, sleep, SLACK_MS, TIME_SCALE, WEST,
} from '../../helpers/error-eviction';
import { SteadyClient, until } from '../../helpers/poll-global';

jest.setTimeout(90_000);

describe('a region whose hello function throws on every invocation (fault "hello-errors", rate 1)', () => {
  let system: LocalSystem;
  let client: SteadyClient;
  let stackDir: string;
  beforeAll(async () => {
    ({ system, client, stackDir } = await evictionRun());
  });
  afterAll(async () => {
    await client?.stop();
    await system?.stop();
  });

  test('the local model bound is the stack\'s error_rate_failover_seconds, scaled', () => {
    const output = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')).output.error_rate_failover_seconds.value;
    expect(modelErrorRateMs(system.model, 1)).toBe(output * 1000);
    expect(system.modelErrorRateMs).toBe((output * 1000) / TIME_SCALE);
  });

  test('traffic leaves within 2.5x the model bound and comes back within the bound after "none"', async () => {
    try {
      const leftMs = await evictEast(system, client, 1);
      expect(reportOf(system, EAST)).toMatchObject({ healthy: false, inDns: false, fault: 'hello-errors', faultRate: 1 });
      const backMs = await clearEast(system, client);
      console.log(`hello-errors 1.0: traffic left after ${leftMs} ms, back ${backMs} ms after "none"; model ${system.modelErrorRateMs} ms`);
    } finally {
      await fault(system, EAST, { fault: 'none' });
    }
  });

  test('every region failing: both leave the answer set, and Route 53 fails open to the nearest', async () => {
    try {
      await settled(system, client);
      await fault(system, EAST, { fault: 'hello-errors', rate: 1 });
      await fault(system, WEST, { fault: 'hello-errors', rate: 1 });
      await until('both regions unhealthy', () => !reportOf(system, EAST).healthy && !reportOf(system, WEST).healthy,
        2.5 * system.modelErrorRateMs! + SLACK_MS);
      // Fail-open: every record answers again, so the nearest region gets the traffic back (and answers it 502).
      await client.waitFor('the nearest region answering again', Date.now(), (a) => a.servedBy === EAST, system.modelFailoverMs + SLACK_MS);
      const failingFrom = Date.now();
      await sleep(2 * periodMs);
      expect(system.report().regions.map((r) => [r.region, r.healthy, r.inDns])).toEqual([[EAST, false, true], [WEST, false, true]]);
      expect(client.since(failingFrom).filter((a) => a.servedBy !== EAST || a.status !== 502)).toEqual([]);
    } finally {
      await fault(system, WEST, { fault: 'none' });
    }
    await clearEast(system, client);
  });
});
