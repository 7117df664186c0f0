import { LocalSystem } from '../../../tools/local/run-local';
import { EAST, evictionRun, fault, settled, sleep, SLACK_MS, WEST } from '../../helpers/error-eviction';
import { SteadyClient } from '../../helpers/poll-global';

jest.setTimeout(90_000);

describe('no region leaves DNS, watched for as long as an eviction may take (2.5x the model bound)', () => {
  let system: LocalSystem;
  let client: SteadyClient;
  let samples: ReturnType<LocalSystem['report']>['regions'][number][] = [];
  let from = 0;

  // us-east-1 serves the client with its hello function failing 1% of invocations; us-west-2 gets no user traffic
  // at all (us-east-1 stays the nearest healthy region), only Route 53's probes.
  beforeAll(async () => {
    ({ system, client } = await evictionRun());
    await settled(system, client);
    expect((await fault(system, EAST, { fault: 'hello-errors', rate: 0.01 })).status).toBe(200);
    from = Date.now();
    for (const end = from + 2.5 * system.modelErrorRateMs! + SLACK_MS; Date.now() < end; await sleep(50)) {
      samples.push(...system.report().regions);
    }
  });
  afterAll(async () => {
    await client?.stop();
    await system?.stop();
    samples = [];
  });

  test('at a 1% error rate under steady traffic: 5xx seen, never over the 5% threshold, every answer from us-east-1', () => {
    const east = samples.filter((r) => r.region === EAST);
    expect(east.filter((r) => !r.inDns || !r.healthy || r.alarm === 'ALARM')).toEqual([]);
    expect(Math.max(...east.map((r) => r.errorRate ?? 0))).toBeGreaterThan(0);
    expect(Math.max(...east.map((r) => r.errorRate ?? 0))).toBeLessThanOrEqual(0.05);
    expect(client.since(from).filter((a) => a.servedBy !== EAST)).toEqual([]);
  });

  test('idle (only Route 53\'s probes): clean periods with data, never out of DNS', () => {
    const west = samples.filter((r) => r.region === WEST);
    expect(west.filter((r) => !r.inDns || !r.healthy || r.alarm !== 'OK')).toEqual([]);
    // The probes of the served route are its only requests: data in every period, all of it clean.
    expect(west.filter((r) => r.errorRate !== 0 || !r.requests)).toEqual([]);
  });
});
