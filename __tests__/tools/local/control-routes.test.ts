import { connect } from 'net';
import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { rawRequest } from '../../../tools/local/raw-request';
import { synthForLocalRun } from '../../helpers/local-stack';

jest.setTimeout(60_000);

describe('the control routes of a running local system', () => {
  let system: LocalSystem;
  let port: number;
  beforeAll(async () => {
    // Route 53 timings x100 slower than real: no probe reaches the regions while these tests count answers.
    system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: 0.01 });
    port = Number(new URL(system.globalUrl).port);
  });
  afterAll(() => system?.stop());

  const send = (method: string, path: string, headers: Record<string, string> = {}, body = '') => rawRequest(port,
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}`
    + `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  const JSON_TYPE = { 'Content-Type': 'application/json' };
  const fail = JSON.stringify({ status: 'fail' });
  const eastStatus = () => system.report().regions.find((r) => r.region === 'us-east-1')!.status;

  describe('refuse what another web page could send, with 403, changing nothing', () => {
    test.each([
      ['a cross-origin text/plain POST (a form or no-cors fetch: no preflight)', { Origin: 'https://evil.example.com', 'Content-Type': 'text/plain' }],
      ['a JSON POST from another origin', { Origin: 'https://evil.example.com', ...JSON_TYPE }],
      ['a JSON POST from a sandboxed page (Origin: null)', { Origin: 'null', ...JSON_TYPE }],
      ['a POST without an Origin but as text/plain', { 'Content-Type': 'text/plain;charset=UTF-8' }],
      ['a POST without a Content-Type', {}],
      ['a form POST', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ])('%s', async (_what, headers) => {
      const answer = await send('POST', '/control/regions/us-east-1/status', headers, fail);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).message).toMatch(/^control (routes take requests without Origin or from http:\/\/127\.0\.0\.1:\d+ or http:\/\/localhost:\d+, not from \S+|bodies must be sent with Content-Type: application\/json, not .+)$/);
      expect(eastStatus()).toBe('ok');
    });

    test('a GET of the report from another origin', async () => {
      expect((await send('GET', '/control/regions', { Origin: 'https://evil.example.com' })).status).toBe(403);
    });
  });

  test('a JSON POST from the local client\'s own page (or without Origin) is obeyed', async () => {
    const fromClient = await send('POST', '/control/regions/us-east-1/status', { Origin: new URL(system.clientUrl).origin, ...JSON_TYPE }, fail);
    expect(fromClient.status).toBe(200);
    expect(eastStatus()).toBe('fail');
    const withCharset = await send('POST', '/control/regions/us-east-1/status', { 'Content-Type': 'application/json; charset=utf-8' }, JSON.stringify({ status: 'ok' }));
    expect(withCharset.status).toBe(200);
    expect(eastStatus()).toBe('ok');
  });

  test('HEAD /control/regions answers like GET, without the body', async () => {
    const get = await send('GET', '/control/regions');
    const head = await send('HEAD', '/control/regions');
    expect([get.status, head.status]).toEqual([200, 200]);
    expect(head.body).toBe('');
    const length = (answer: string) => /content-length: (\d+)/i.exec(answer)?.[1];
    expect(length(await rawHead(port))).toBe(String(Buffer.byteLength(get.body)));
  });

  test('the report: per region its DNS check, whether the records answer it, the served route\'s error rate and alarm', async () => {
    const report = JSON.parse((await send('GET', '/control/regions')).body);
    expect(report.regions).toEqual(['us-east-1', 'us-west-2'].map((region) => ({
      region, status: 'ok', healthy: true, inDns: true, fault: 'none', errorRate: null, requests: 0, alarm: 'INSUFFICIENT_DATA',
    })));
  });

  test('fault "hello-errors": the hello function throws, API Gateway answers 502; the health route and "none" are unaffected', async () => {
    const east = system.regions.find((r) => r.region === 'us-east-1')!;
    const set = await send('POST', '/control/regions/us-east-1/fault', JSON_TYPE, JSON.stringify({ fault: 'hello-errors', rate: 0.5 }));
    expect(JSON.parse(set.body)).toMatchObject({ region: 'us-east-1', fault: 'hello-errors', faultRate: 0.5 });
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${east.url}/prod/helloworld`);
      answers.push([response.status, (await response.json() as { message: string }).message]);
    }
    // Half of the invocations, every other one.
    const [served, failed] = [[200, 'Hello from us-east-1'], [502, 'Internal server error']];
    expect(answers).toEqual([served, failed, served, failed, served, failed]);
    expect((await fetch(`${east.url}/prod/healthcheck`)).status).toBe(200);
    await send('POST', '/control/regions/us-east-1/fault', JSON_TYPE, JSON.stringify({ fault: 'none' }));
    for (let i = 0; i < 4; i++) expect((await fetch(`${east.url}/prod/helloworld`)).status).toBe(200);
  });

  test.each([
    ['{"fault":"hello-errors"}', 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not undefined'],
    ['{"fault":"hello-errors","rate":2}', 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not 2'],
    ['{"fault":"unmapped","rate":0.5}', 'rate applies only to "hello-errors", not to "unmapped"'],
    ['not json', 'body must be JSON like {"fault":"hello-errors","rate":0.3}'],
  ])('a bad fault body %s: 400 with one line', async (body, message) => {
    const answer = await send('POST', '/control/regions/us-east-1/fault', JSON_TYPE, body);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body)).toEqual({ message });
  });
});

/** The raw answer (head only) of HEAD /control/regions. */
async function rawHead(port: number): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(port, '127.0.0.1', () => socket.write('HEAD /control/regions HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
    socket.on('data', (chunk) => { text += chunk.toString(); });
    socket.on('close', () => resolve(text));
  });
}
