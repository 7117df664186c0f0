import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { CLIENT_HELLO_PATH, helloText } from '../../../src/contract';
import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { postControl, synthForLocalRun } from '../../helpers/local-stack';
import { machineName } from '../../helpers/machine-name';
import { ask, until, untilAnswerFrom } from '../../helpers/poll-global';

// Route 53's 10 s interval becomes 200 ms and the 60 s TTL 1.2 s: the model's 80 s failover is 1.6 s here. (At 1/100
// the 32 checkers of Route 53's fleet probe 320 times a second, which a starved test worker falls behind on.)
const TIME_SCALE = 50;
// Scheduling jitter on a loaded CI machine; the bound is a model check, not a performance target.
const SLACK_MS = 1500;
jest.setTimeout(60_000);

const post = (system: LocalSystem, region: string, status: string) => postControl(system.globalUrl, region, 'status', { status });
const healthOf = (system: LocalSystem, region: string) => system.report().regions.find((r) => r.region === region)!.healthy;

describe('local run of the synthesized stack: latency routing with health-checked failover', () => {
  const log: string[] = [];
  let system: LocalSystem;
  let hello: string;
  let boundMs: number;
  let intervalMs: number;

  beforeAll(async () => {
    system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: TIME_SCALE, log: (line) => log.push(line) });
    hello = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
    intervalMs = 10_000 / TIME_SCALE;
    // A flip can land just after a check started, so one extra interval on top of interval x threshold + TTL.
    boundMs = system.modelFailoverMs + intervalMs + SLACK_MS;
  });
  afterAll(() => system.stop());

  test('each region answers on its execute-api and custom-domain paths, with its own name', async () => {
    for (const server of system.regions) {
      for (const path of ['/prod/helloworld', '/v1/helloworld']) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual({ message: helloText(server.region) });
      }
      expect((await fetch(`${server.url}/prod/nope`)).status).toBe(403);
    }
  });

  test('OPTIONS is answered from the synthesized MOCK integration, without a Lambda', async () => {
    const response = await fetch(`${system.regions[0].url}${CLIENT_HELLO_PATH}`, { method: 'OPTIONS' });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toBe('GET,OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  test('the global endpoint answers from the nearest region, us-east-1', async () => {
    expect(system.modelFailoverMs).toBe(1600);
    expect(await ask(hello)).toEqual({ status: 200, region: 'us-east-1', servedBy: 'us-east-1' });
  });

  test('flip us-east-1 to fail: answers come from us-west-2 within the model time', async () => {
    expect((await post(system, 'us-east-1', 'fail')).status).toBe(200);
    const tookMs = await untilAnswerFrom(hello, 'us-west-2', boundMs);
    console.log(`flip-to-switch ${tookMs} ms; model ${system.modelFailoverMs} ms (bound ${boundMs} ms)`);
    expect(healthOf(system, 'us-east-1')).toBe(false);
    expect(log.some((line) => /us-east-1: health check UNHEALTHY after 2 consecutive failures at [78] of 8 checkers \(last: HTTP 503\)/.test(line))).toBe(true);
  });

  test('flip it back: us-east-1 answers again', async () => {
    await post(system, 'us-east-1', 'ok');
    const tookMs = await untilAnswerFrom(hello, 'us-east-1', boundMs);
    console.log(`flip-back-to-switch ${tookMs} ms; model ${system.modelFailoverMs} ms`);
    expect(log.some((line) => /us-east-1: health check HEALTHY/.test(line))).toBe(true);
  });

  test('flip every region: all unhealthy, and Route 53 fails open to the nearest', async () => {
    await post(system, 'us-east-1', 'fail');
    await untilAnswerFrom(hello, 'us-west-2', boundMs);
    await post(system, 'us-west-2', 'fail');
    await until('both regions unhealthy', () => !healthOf(system, 'us-east-1') && !healthOf(system, 'us-west-2'), boundMs);
    await untilAnswerFrom(hello, 'us-east-1', boundMs);
    expect(system.report().regions.map((r) => [r.region, r.status, r.healthy]))
      .toEqual([['us-east-1', 'fail', false], ['us-west-2', 'fail', false]]);
    await post(system, 'us-east-1', 'ok');
    await post(system, 'us-west-2', 'ok');
  });

  test('the control names an unknown region or status in one line', async () => {
    const unknown = await post(system, 'eu-west-9', 'fail');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: 'unknown region "eu-west-9"; known: us-east-1, us-west-2' });
    const bad = await post(system, 'us-east-1', 'off');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toBe('status must be "fail" or "ok", not "off"');
  });
});

test('a latency order puts another region first', async () => {
  const system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: TIME_SCALE, latencyOrder: ['us-west-2'] });
  try {
    expect(system.latencyOrder).toEqual(['us-west-2', 'us-east-1']);
    expect((await ask(`${system.globalUrl}${CLIENT_HELLO_PATH}`)).region).toBe('us-west-2');
  } finally {
    await system.stop();
  }
});

describe('a dependency that hangs', () => {
  const BUDGET_MS = 200;
  let hang = false;
  let dependency: Server;
  let system: LocalSystem;
  const log: string[] = [];

  beforeAll(async () => {
    dependency = createServer((_request, response) => {
      if (!hang) response.end('up');
    });
    // Reached by the machine's name: the health function refuses loopback addresses (and synth refuses them too).
    const { name, address } = await machineName();
    await new Promise<void>((resolve) => dependency.listen(0, address, resolve));
    const url = `http://${name}:${(dependency.address() as AddressInfo).port}/`;
    const stackDir = synthForLocalRun({ healthCheck: { dependencies: [url], dependencyTimeoutMs: BUDGET_MS } });
    system = await startLocal({ stackDir, port: 0, timeScale: TIME_SCALE, log: (line) => log.push(line) });
  });
  afterAll(async () => {
    await system.stop();
    dependency.closeAllConnections();
    await new Promise((resolve) => dependency.close(resolve));
  });

  test('makes each region unhealthy within threshold x (interval + budget), through its own 503, not a checker timeout', async () => {
    const intervalMs = 10_000 / TIME_SCALE;
    await until('both regions checked healthy', () => system.report().regions.every((r) => r.lastCheck === 'HTTP 200'), 2000);
    hang = true;
    const budgetMs = 2 * (intervalMs + BUDGET_MS) + intervalMs + SLACK_MS;
    const tookMs = await until('both regions unhealthy', () => system.report().regions.every((r) => !r.healthy), budgetMs);
    console.log(`hanging dependency -> unhealthy in ${tookMs} ms (bound ${budgetMs} ms)`);
    const transitions = log.filter((line) => line.includes('UNHEALTHY'));
    expect(transitions).toHaveLength(2);
    for (const line of transitions) expect(line).toMatch(/\(last: HTTP 503\)$/);
    // Both down: Route 53 fails open, so the API still answers.
    expect((await ask(`${system.globalUrl}${CLIENT_HELLO_PATH}`)).status).toBe(200);
  });
});
