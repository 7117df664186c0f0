import { CLIENT_HELLO_PATH, helloText } from '../../../src/contract';
import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { postControl, synthForLocalRun } from '../../helpers/local-stack';
import { ask, untilAnswerFrom } from '../../helpers/poll-global';

// 10 s interval -> 200 ms, 60 s TTL -> 1.2 s: the model's 80 s failover is 1.6 s here (at 1/100 the checker fleet's 320
// probes a second starve a loaded test worker).
const TIME_SCALE = 50;
const SLACK_MS = 1500;
jest.setTimeout(60_000);

const fault = (system: LocalSystem, region: string, value: string) => postControl(system.globalUrl, region, 'fault', { fault: value });

/** Asks the global name every 20 ms for `forMs`; the regions that answered 200, and how many answers were 403. */
async function answersOver(url: string, forMs: number): Promise<{ regions: Set<string>; forbidden: number }> {
  const regions = new Set<string>();
  let forbidden = 0;
  for (const end = Date.now() + forMs; Date.now() < end;) {
    const answer = await ask(url);
    if (answer.status === 200 && answer.region) regions.add(answer.region);
    if (answer.status === 403) forbidden += 1;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { regions, forbidden };
}

describe('a region with its base path mappings gone (fault "unmapped"), health-checked through its own hostname', () => {
  let system: LocalSystem;
  let boundMs: number;
  let faultAt = 0;
  beforeAll(async () => {
    system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: TIME_SCALE });
    boundMs = system.modelFailoverMs + 10_000 / TIME_SCALE + SLACK_MS;
  });
  afterAll(() => system.stop());

  test('the checks probe each region\'s own hostname through its custom domain', () => {
    expect([...system.model.healthChecks.values()].map((c) => [c.targetRegion, c.host, c.resourcePath, c.viaCustomDomain]).sort())
      .toEqual([
        ['us-east-1', 'us-east-1.api.example.com', '/v1/healthcheck', true],
        ['us-east-1', 'us-east-1.api.example.com', '/v1/helloworld', true],
        ['us-west-2', 'us-west-2.api.example.com', '/v1/healthcheck', true],
        ['us-west-2', 'us-west-2.api.example.com', '/v1/helloworld', true],
      ]);
  });

  test('the faulted region answers its custom-domain paths 403 Forbidden; its execute-api paths keep working', async () => {
    faultAt = Date.now();
    expect((await fault(system, 'us-east-1', 'unmapped')).status).toBe(200);
    const east = system.regions.find((r) => r.region === 'us-east-1')!;
    for (const host of ['api.example.com', 'us-east-1.api.example.com']) {
      const response = await fetch(`${east.url}/v1/helloworld`, { headers: { host } });
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ message: 'Forbidden' });
    }
    const stagePath = await fetch(`${east.url}/prod/helloworld`);
    expect(stagePath.status).toBe(200);
    expect(await stagePath.json()).toEqual({ message: helloText('us-east-1') });
  });

  test('traffic on the public name leaves it within the model time, and comes back after "none"', async () => {
    const hello = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
    const pollFrom = Date.now();
    const tookMs = pollFrom - faultAt + await untilAnswerFrom(hello, 'us-west-2', boundMs - (pollFrom - faultAt));
    console.log(`target hostname: fault-to-switch ${tookMs} ms; model ${system.modelFailoverMs} ms (bound ${boundMs} ms)`);
    expect(system.report().regions.find((r) => r.region === 'us-east-1')).toMatchObject({ healthy: false, fault: 'unmapped', lastCheck: 'HTTP 403' });
    expect((await fault(system, 'us-east-1', 'none')).status).toBe(200);
    await untilAnswerFrom(hello, 'us-east-1', boundMs);
  });

  test('the control names an unknown region or fault in one line', async () => {
    const unknown = await fault(system, 'eu-west-9', 'unmapped');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'unknown region "eu-west-9"; known: us-east-1, us-west-2' });
    const bad = await fault(system, 'us-east-1', 'gone');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ message: 'fault must be "none", "unmapped", "hello-errors", not "gone"' });
  });
});

describe('the same fault with healthCheck.target "execute-api" (the blog\'s check)', () => {
  let system: LocalSystem;
  beforeAll(async () => {
    system = await startLocal({ stackDir: synthForLocalRun({ healthCheck: { target: 'execute-api' } }), port: 0, timeScale: TIME_SCALE });
  });
  afterAll(() => system.stop());

  test('the check stays green and Route 53 keeps sending users to the region that answers them 403', async () => {
    const hello = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
    expect((await ask(hello)).region).toBe('us-east-1');
    await fault(system, 'us-east-1', 'unmapped');
    const windowMs = 2 * system.modelFailoverMs + SLACK_MS;
    const seen = await answersOver(hello, windowMs);
    console.log(`target execute-api: after ${windowMs} ms (${(2 * system.modelFailoverMs * TIME_SCALE) / 1000} s model) `
      + `still ${seen.forbidden} answers 403, answered by ${[...seen.regions].join(', ') || 'no region'}`);
    expect(seen.regions.has('us-west-2')).toBe(false);
    expect(seen.forbidden).toBeGreaterThan(0);
    expect(system.report().regions.find((r) => r.region === 'us-east-1')).toMatchObject({ healthy: true, fault: 'unmapped' });
  });
});
