import { IncomingMessage, Server, ServerResponse, createServer, request as forward } from 'http';
import { CONTROL_PREFIX, Controls, handleControl } from './control-routes';
import { close, listen } from './listen';
import { CachingResolver } from './resolver';

export const SERVED_REGION_HEADER = 'X-Served-Region';

/**
 * The global name: each request is resolved like a DNS lookup of the latency records, then forwarded unchanged to the
 * chosen region's server, as a client would connect to that region's custom domain. Also serves the control routes.
 */
export class GlobalServer {
  private readonly server: Server;
  private boundPort = 0;
  private lastRegion: string | undefined;

  constructor(
    private readonly resolver: CachingResolver,
    private readonly regionUrls: ReadonlyMap<string, string>,
    controls: Controls,
    private readonly log: (line: string) => void,
  ) {
    this.server = createServer((request, response) => {
      const work = request.url?.startsWith(CONTROL_PREFIX)
        ? handleControl(request, response, controls)
        : Promise.resolve(this.proxy(request, response));
      work.catch((error: Error) => {
        this.log(`global: ${error.message}`);
        if (!response.headersSent) response.writeHead(500);
        response.end();
      });
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  /** The region the last resolved request went to. */
  get answering(): string | undefined {
    return this.lastRegion;
  }

  async start(port: number): Promise<number> {
    this.boundPort = await listen(this.server, port, 'global endpoint');
    return this.boundPort;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  private proxy(request: IncomingMessage, response: ServerResponse): void {
    const record = this.resolver.resolve()!;
    const region = record.targetRegion;
    if (region !== this.lastRegion) {
      this.log(`global: ${record.name} now resolves to ${region}${this.lastRegion ? ` (was ${this.lastRegion})` : ''}`);
      this.lastRegion = region;
    }
    const target = new URL(request.url ?? '/', this.regionUrls.get(region));
    const upstream = forward(target, {
      method: request.method,
      headers: { ...request.headers, host: record.name },
      agent: false,
    }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_REGION_HEADER]: region });
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      this.log(`global: ${region} unreachable: ${error.message}`);
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'application/json', [SERVED_REGION_HEADER]: region });
      response.end(JSON.stringify({ message: `${region} unreachable` }));
    });
    request.pipe(upstream);
  }
}
