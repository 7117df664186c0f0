import { readFileSync } from 'fs';
import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';
import { join } from 'path';
import { manifestOf } from '../../../tools/rollout/release';
import { StackModel } from '../../../tools/stack-model/stack-model';

interface FakeRegion {
  release: string;
  releasesServed: string[];
  alarm: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
}

/**
 * The local run's control routes as the rollout uses them (the real ones are the local run's): `GET
 * /control/regions` with timeScale and, per region, url, release and releasesServed; `POST
 * /control/regions/<r>/release {"stackDir"}` computing the region's id from that stack as the local run will
 * (tools/stack-model/release-id.ts); and each region's `GET /v1/helloworld`, which fails (502) while the region
 * serves a release id in `broken`.
 */
export class FakeLocalRun {
  readonly regions = new Map<string, FakeRegion>();
  readonly broken = new Set<string>();
  readonly posts: Array<{ region: string; stackDir: string }> = [];
  private readonly server: Server;
  url = '';

  constructor(initial: Record<string, string>, readonly timeScale: number) {
    for (const [region, release] of Object.entries(initial)) this.regions.set(region, { release, releasesServed: [release], alarm: 'OK' });
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += (chunk as Buffer).toString('utf8');
    const path = request.url ?? '/';
    const hello = /^\/regions\/([^/]+)\/v1\/helloworld$/.exec(path);
    if (hello) {
      const region = this.regions.get(hello[1])!;
      const ok = !this.broken.has(region.release) && request.headers.host === `${hello[1]}.api.example.com`;
      return send(response, ok ? 200 : 502, ok ? { message: `Hello from ${hello[1]}` } : { message: 'Internal server error' });
    }
    if (request.method === 'GET' && path === '/control/regions') return send(response, 200, this.report());
    const release = /^\/control\/regions\/([^/]+)\/release$/.exec(path);
    if (request.method === 'POST' && release) return this.release(decodeURIComponent(release[1]), body, response);
    return send(response, 404, { message: 'no such route' });
  }

  private report() {
    return {
      timeScale: this.timeScale,
      regions: [...this.regions].map(([region, state]) => ({
        region, healthy: !this.broken.has(state.release), url: `${this.url}/regions/${region}`, alarm: state.alarm,
        inDns: !this.broken.has(state.release), release: state.release, releasesServed: state.releasesServed,
      })),
    };
  }

  private release(region: string, body: string, response: ServerResponse): void {
    const { stackDir } = JSON.parse(body) as { stackDir: string };
    let id: string | undefined;
    try {
      id = manifestOf(stackDir, new StackModel(JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')))).regions[region];
    } catch {
      return send(response, 400, { message: `stackDir ${stackDir} is not a synthesized stack` });
    }
    const state = this.regions.get(region);
    if (!state || !id) return send(response, 400, { message: `the stack in ${stackDir} has no region ${region}` });
    this.posts.push({ region, stackDir });
    state.release = id;
    state.releasesServed.push(id);
    send(response, 200, { region, release: id });
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
