import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { checkHealth, handler, healthBody, SEARCH_STRING, settingsFromEnv } from '../../../lambda-src/health-check';
import { Probe } from '../../../lambda-src/health-check/dependencies';
import { DEFAULT_DEPENDENCY_BUDGET_MS, HEALTH_SEARCH_STRING } from '../../../src/contract';
import { getEvent } from '../../../tools/local/proxy-event';
import { machineName } from '../../helpers/machine-name';

const up: Probe = async () => 'up';

describe('checkHealth', () => {
  test('healthy when STATUS is not fail and there are no dependencies', async () => {
    await expect(checkHealth({ status: 'ok', dependencyUrls: [], budgetMs: 100 })).resolves.toEqual({ healthy: true });
  });

  test.each(['fail', 'FAIL', ' Fail '])('STATUS=%p switches the region off without probing', async (status) => {
    const probe = jest.fn(up);
    const verdict = await checkHealth({ status, dependencyUrls: ['https://x'], budgetMs: 100 }, probe);
    expect(verdict).toEqual({ healthy: false, switchedOff: true, failures: [] });
    expect(probe).not.toHaveBeenCalled();
  });

  test('a failing dependency makes the region unhealthy', async () => {
    const verdict = await checkHealth({ dependencyUrls: ['https://a', 'https://b'], budgetMs: 100 },
      async (url) => (url === 'https://b' ? 'unreachable' : 'up'));
    expect(verdict).toEqual({ healthy: false, switchedOff: false, failures: [{ index: 1, outcome: 'unreachable' }] });
  });
});

describe('healthBody', () => {
  test('healthy: 200 with the search string', () => {
    const { statusCode, body } = healthBody({ healthy: true });
    expect(statusCode).toBe(200);
    expect(JSON.stringify(body)).toContain(SEARCH_STRING);
  });

  test.each([
    { healthy: false as const, switchedOff: true, failures: [] },
    { healthy: false as const, switchedOff: false, failures: [{ index: 0, outcome: 'timeout' as const }, { index: 1, outcome: 'http-404' as const }] },
  ])('unhealthy: 503 and the body never contains the search string, in any case (%#)', (verdict) => {
    const { statusCode, body } = healthBody(verdict);
    expect(statusCode).toBe(503);
    expect(JSON.stringify(body).toLowerCase()).not.toContain(SEARCH_STRING);
  });
});

test('settingsFromEnv reads the function environment', () => {
  expect(settingsFromEnv({ STATUS: 'fail', DEPENDENCY_URLS: '["https://a"]', DEPENDENCY_TIMEOUT_MS: '800' }))
    .toEqual({ status: 'fail', dependencyUrls: ['https://a'], budgetMs: 800 });
  expect(settingsFromEnv({}).budgetMs).toBe(DEFAULT_DEPENDENCY_BUDGET_MS);
  expect(SEARCH_STRING).toBe(HEALTH_SEARCH_STRING);
});

describe('a URL the config check refuses, put into DEPENDENCY_URLS by hand', () => {
  test('is never probed: it fails as "refused", the log says why (never the secret), the body stays without the search string', async () => {
    const probe = jest.fn(up);
    const log = jest.fn();
    const verdict = await checkHealth({
      dependencyUrls: ['https://status.example.org/', 'http://169.254.169.254/latest/?token=hunter2'], budgetMs: 100,
    }, probe, log);
    expect(verdict).toEqual({ healthy: false, switchedOff: false, failures: [{ index: 1, outcome: 'refused' }] });
    expect(probe.mock.calls.map(([url]) => url)).toEqual(['https://status.example.org/']);
    expect(log.mock.calls).toEqual([[
      'health-check: DEPENDENCY_URLS[1] holds a credential in its query (token=): not probed, the region answers unhealthy',
    ]]);
    const { statusCode, body } = healthBody(verdict);
    expect(statusCode).toBe(503);
    expect(JSON.stringify(body).toLowerCase()).not.toContain(SEARCH_STRING);
  });

  test('the name the request came in by counts as this API: the function never calls itself', async () => {
    const probe = jest.fn(up);
    const log = jest.fn();
    const verdict = await checkHealth({
      dependencyUrls: ['https://us-east-1.api.example.com/v1/healthcheck'], budgetMs: 100, ownHosts: ['us-east-1.api.example.com'],
    }, probe, log);
    expect(verdict).toEqual({ healthy: false, switchedOff: false, failures: [{ index: 0, outcome: 'refused' }] });
    expect(probe).not.toHaveBeenCalled();
    expect(log.mock.calls[0][0]).toContain('points at this API itself (us-east-1.api.example.com)');
  });
});

describe('handler over real HTTP dependencies', () => {
  let server: Server;
  let base: string;
  let loopbackBase: string;
  const hits: string[] = [];
  const saved = { ...process.env };
  beforeAll(async () => {
    server = createServer((req, res) => {
      hits.push(req.url!);
      if (req.url === '/hang') return; // never answers
      if (req.url?.startsWith('/redirect-to/')) {
        res.writeHead(302, { Location: decodeURIComponent(req.url.slice('/redirect-to/'.length)) }).end();
        return;
      }
      res.statusCode = req.url === '/up' ? 200 : 500;
      res.end();
    });
    // Reached by the machine's name: the health function refuses 127.0.0.1 itself.
    const { name, address } = await machineName();
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    const { port } = server.address() as AddressInfo;
    base = `http://${name}:${port}`;
    loopbackBase = `http://127.0.0.1:${port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  beforeEach(() => {
    hits.length = 0;
  });
  afterEach(() => {
    process.env = { ...saved };
    jest.restoreAllMocks();
  });

  test('200 {"status":"ok"} when the dependency answers', async () => {
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/up`]);
    const response = await handler(getEvent('/healthcheck'));
    expect(response.statusCode).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ status: 'ok' });
  });

  test('503 within the budget when a dependency hangs', async () => {
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/up`, `${base}/hang`]);
    process.env.DEPENDENCY_TIMEOUT_MS = '300';
    const started = Date.now();
    const response = await handler(getEvent('/healthcheck'));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain(SEARCH_STRING);
    expect(JSON.parse(response.body).failedDependencies).toEqual([{ index: 1, outcome: 'timeout' }]);
  });

  test('503 when a dependency answers 500', async () => {
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/broken`]);
    const response = await handler(getEvent('/healthcheck'));
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).failedDependencies).toEqual([{ index: 0, outcome: 'http-500' }]);
  });

  test('a loopback URL is never requested, even with a server answering 200 there', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.DEPENDENCY_URLS = JSON.stringify([`${loopbackBase}/up`]);
    const response = await handler(getEvent('/healthcheck'));
    expect(response.statusCode).toBe(503);
    expect(response.body.toLowerCase()).not.toContain(SEARCH_STRING);
    expect(JSON.parse(response.body).failedDependencies).toEqual([{ index: 0, outcome: 'refused' }]);
    expect(hits).toEqual([]);
    expect(log).toHaveBeenCalledWith('health-check: DEPENDENCY_URLS[0] is a loopback address (127.0.0.1): not probed, the region answers unhealthy');
  });

  test('a dependency on the name the request came in by is never requested', async () => {
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/up`]);
    const event = getEvent('/healthcheck');
    const viaOwnName = { ...event, requestContext: { ...event.requestContext, domainName: new URL(base).hostname } };
    const response = await handler(viaOwnName);
    expect(JSON.parse(response.body).failedDependencies).toEqual([{ index: 0, outcome: 'refused' }]);
    expect(hits).toEqual([]);
  });

  test('redirects are followed, but never to a URL the function refuses', async () => {
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/redirect-to/${encodeURIComponent('/up')}`]);
    expect((await handler(getEvent('/healthcheck'))).statusCode).toBe(200);
    expect(hits).toEqual([`/redirect-to/${encodeURIComponent('/up')}`, '/up']);

    hits.length = 0;
    process.env.DEPENDENCY_URLS = JSON.stringify([`${base}/redirect-to/${encodeURIComponent(`${loopbackBase}/up`)}`]);
    const response = await handler(getEvent('/healthcheck'));
    expect(response.statusCode).toBe(503);
    expect(JSON.parse(response.body).failedDependencies).toEqual([{ index: 0, outcome: 'refused' }]);
    expect(hits).toHaveLength(1);
    expect(log).toHaveBeenCalledWith('health-check: a dependency redirects to a URL that is a loopback address (127.0.0.1): not followed');
  });
});
