import { createServer, IncomingMessage, Server } from 'http';
import { AddressInfo } from 'net';
import { fleetHealthy, HealthChecker, HealthTransition } from '../../../tools/local/health-checker';
import { HealthCheckModel } from '../../../tools/local/model';
import { until } from '../../helpers/poll-global';

test.each([[8, 2, true], [8, 1, false], [3, 1, true], [3, 0, false], [16, 3, true], [16, 2, false]])(
  'more than 18%% of the checkers: %i checkers, %i healthy -> %s', (checkers, healthy, expected) => {
    expect(fleetHealthy(healthy, checkers)).toBe(expected);
  },
);

describe('HealthChecker: one checker per checker region, each on its own phase and its own count', () => {
  // 10 s interval at 1/100: every 100 ms.
  const check: HealthCheckModel = {
    id: 'hc', targetRegion: 'us-east-1', host: 'us-east-1.api.example.com', viaCustomDomain: true, type: 'HTTPS_STR_MATCH',
    resourcePath: '/v1/healthcheck', searchString: 'ok', requestInterval: 10, failureThreshold: 2,
    checkerRegions: ['us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1'],
  };
  let failing = false;
  const arrivals: number[] = [];
  const hosts = new Set<string | undefined>();
  let server: Server;
  let checker: HealthChecker;
  const transitions: HealthTransition[] = [];

  beforeAll(async () => {
    server = createServer((request: IncomingMessage, response) => {
      arrivals.push(Date.now());
      hosts.add(request.headers.host);
      response.writeHead(failing ? 503 : 200).end(failing ? '{"status":"unhealthy"}' : '{"status":"ok"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    checker = new HealthChecker(check, `http://127.0.0.1:${(server.address() as AddressInfo).port}`, 100, (t) => transitions.push(t));
    checker.start();
  });
  afterAll(async () => {
    checker.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  test('eight checkers probe every interval, spread over it rather than all at once', async () => {
    await until('two intervals of probes', () => arrivals.length >= 24, 5000);
    const first = arrivals.slice(0, 8);
    // Uncoordinated phases: the first round is spread, not one burst.
    expect(Math.max(...first) - Math.min(...first)).toBeGreaterThan(10);
    expect(checker.healthyCheckers).toBe(8);
    expect([...hosts]).toEqual(['us-east-1.api.example.com']);
  });

  test('unhealthy once 7 of 8 checkers saw threshold failures; healthy again once 2 of 8 saw as many successes', async () => {
    failing = true;
    await until('unhealthy', () => !checker.healthy, 5000);
    expect(transitions[0]).toMatchObject({ healthy: false, healthyCheckers: 1, checkers: 8, outcome: { ok: false, detail: 'HTTP 503' } });
    failing = false;
    await until('healthy', () => checker.healthy, 5000);
    expect(transitions[1]).toMatchObject({ healthy: true, healthyCheckers: 2, checkers: 8 });
  });
});
