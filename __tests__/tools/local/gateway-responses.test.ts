import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { HANGING_HANDLER, stackWithHelloWorld, THROWING_HANDLER } from '../../helpers/failing-stack';

jest.setTimeout(60_000);
const A = 'https://a.example.com';
const B = 'https://b.example.com';

async function start(handler: string, overrides: Record<string, unknown>): Promise<LocalSystem> {
  // Real-time Route 53 timings: nothing here waits on a health check, so the checkers' probes stay out of the way.
  return startLocal({ stackDir: stackWithHelloWorld(handler, overrides), port: 0, timeScale: 1 });
}

describe('API Gateway\'s own answers in the local run carry the stack\'s gateway-response headers', () => {
  let system: LocalSystem;
  beforeAll(async () => {
    system = await start(THROWING_HANDLER, { cors: { allowOrigins: [A, B] } });
  });
  afterAll(() => system?.stop());
  const regional = (path: string) => `${system.regions[0].url}${path}`;

  test('a function that throws: 502 with the request\'s listed Origin echoed', async () => {
    const response = await fetch(regional('/prod/helloworld'), { headers: { Origin: B } });
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
    expect(response.headers.get('access-control-allow-origin')).toBe(B);
    expect(response.headers.get('vary')).toBe('Origin');
  });

  test('through the global endpoint too', async () => {
    const response = await fetch(`${system.globalUrl}/v1/helloworld`, { headers: { Origin: A } });
    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe(A);
  });

  test('an unknown path: 403 with the header, as DEFAULT_4XX says', async () => {
    const response = await fetch(regional('/prod/nothing-here'), { headers: { Origin: A } });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBe(A);
  });

  test('a preflight from an unlisted origin gets no Allow-Origin header (not "null")', async () => {
    const unlisted = await fetch(regional('/prod/helloworld'), { method: 'OPTIONS', headers: { Origin: 'https://evil.example.com' } });
    expect(unlisted.status).toBe(200);
    expect(unlisted.headers.has('access-control-allow-origin')).toBe(false);
    const listed = await fetch(regional('/prod/helloworld'), { method: 'OPTIONS', headers: { Origin: A } });
    expect(listed.headers.get('access-control-allow-origin')).toBe(A);
  });
});

test('a function that runs past its timeout: 502 (Lambda reports the timeout), with the static "*" header', async () => {
  const system = await start(HANGING_HANDLER, { lambda: { timeoutSeconds: 1 }, healthCheck: { dependencyTimeoutMs: 500 } });
  try {
    const response = await fetch(`${system.regions[0].url}/prod/helloworld`, { headers: { Origin: A } });
    expect(response.status).toBe(502);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  } finally {
    await system.stop();
  }
});
