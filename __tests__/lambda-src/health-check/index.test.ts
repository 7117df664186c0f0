import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { checkHealth, handler, healthBody, SEARCH_STRING, settingsFromEnv } from '../../../lambda-src/health-check';
import { Probe } from '../../../lambda-src/health-check/dependencies';
import { DEFAULT_DEPENDENCY_BUDGET_MS, HEALTH_SEARCH_STRING } from '../../../src/contract';
import { getEvent } from '../../../tools/local/proxy-event';

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

describe('handler over real HTTP dependencies', () => {
  let server: Server;
  let base: string;
  const saved = { ...process.env };
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/hang') return; // never answers
      res.statusCode = req.url === '/up' ? 200 : 500;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });
  afterEach(() => {
    process.env = { ...saved };
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
});
