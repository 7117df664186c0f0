import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { MAX_BODY_BYTES } from '../../../tools/local/request-limits';
import { synthForLocalRun } from '../../helpers/local-stack';
import { rawRequest } from '../../../tools/local/raw-request';

jest.setTimeout(60_000);

describe('the local run refuses what would abuse it', () => {
  let system: LocalSystem;
  let other: Server;
  let otherHits = 0;
  let otherPort: number;
  let globalPort: number;
  let regionPort: number;

  beforeAll(async () => {
    other = createServer((_request, response) => {
      otherHits += 1;
      response.end('another local server');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherPort = (other.address() as AddressInfo).port;
    // Real-time Route 53 timings: nothing here waits on a health check, so the checkers' probes stay out of the way.
    system = await startLocal({ stackDir: synthForLocalRun(), port: 0, timeScale: 1, log: () => undefined });
    globalPort = Number(new URL(system.globalUrl).port);
    regionPort = system.regions[0].port;
  });
  afterAll(async () => {
    await system?.stop();
    other?.close();
  });

  const get = (port: number, target: string, headers = '') => rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: api.example.com\r\n${headers}Connection: close\r\n\r\n`);

  describe.each([['global endpoint', () => globalPort], ['region server', () => regionPort]])('%s', (_name, port) => {
    test.each([
      ['an absolute-form', (p: number) => `http://127.0.0.1:${p}/x`],
      ['a network-path', (p: number) => `//127.0.0.1:${p}/x`],
      ['a backslash network-path', (p: number) => `/\\127.0.0.1:${p}/x`],
      ['an asterisk-form', () => '*'],
    ])('%s request target gets 400 and reaches no other server', async (_form, target) => {
      const answer = await get(port(), target(otherPort));
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).message).toMatch(/^request target must be a path like \/v1\/helloworld/);
      expect(otherHits).toBe(0);
    });

    test.each(['/v1/hello%zzworld', '/v1/helloworld?q=%E0%A4%A', '/v1/helloworld?q=%'])('malformed percent-encoding %s gets 400', async (target) => {
      const answer = await get(port(), target);
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).message).toMatch(/^malformed percent-encoding/);
    });

    test('a body over 1 MB gets 413, declared (Content-Length) or streamed (chunked), and is not read to its end', async () => {
      const declared = await rawRequest(port(), `GET /v1/helloworld HTTP/1.1\r\nHost: x\r\nContent-Length: ${64 * MAX_BODY_BYTES}\r\n\r\n`);
      expect(declared.status).toBe(413);
      expect(declared.sentBytes).toBe(0);
      const streamed = await rawRequest(port(), 'GET /v1/helloworld HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n', 64 * MAX_BODY_BYTES);
      expect(streamed.status).toBe(413);
      expect(JSON.parse(streamed.body)).toEqual({ message: `request body over ${MAX_BODY_BYTES} bytes` });
      expect(streamed.sentBytes).toBeLessThan(16 * MAX_BODY_BYTES);
    });

    test('a body of exactly 1 MB is still served', async () => {
      const answer = await rawRequest(port(), `GET /v1/helloworld HTTP/1.1\r\nHost: x\r\nContent-Length: ${MAX_BODY_BYTES}\r\nConnection: close\r\n\r\n`, MAX_BODY_BYTES);
      expect(answer.status).toBe(200);
      expect(answer.body).toContain('Hello from');
    });
  });

  test('control routes: malformed encoding gets 400, an oversized body 413', async () => {
    const malformed = await rawRequest(globalPort, 'POST /control/regions/%E0%A4%A/status HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    expect(malformed.status).toBe(400);
    const oversized = await rawRequest(globalPort, 'POST /control/regions/us-east-1/status HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n', 8 * MAX_BODY_BYTES);
    expect(oversized.status).toBe(413);
    expect(system.report().regions.every((region) => region.status === 'ok')).toBe(true);
  });

  test('an ordinary request still goes through the global endpoint to a region', async () => {
    const answer = await get(globalPort, '/v1/helloworld');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatch(/Hello from us-(east-1|west-2)/);
  });
});
