import { IncomingMessage, Server, ServerResponse, createServer, request as forward } from 'http';
import { Transform } from 'stream';
import { CONTROL_PREFIX, Controls, handleControl } from './control-routes';
import { close, listen } from './listen';
import { BodyTooLarge, declaresTooLarge, MAX_BODY_BYTES, refuse, refuseTarget } from './request-limits';
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
      this.handle(request, response, controls).catch((error: Error) => {
        if (error instanceof BodyTooLarge) return refuse(response, 413, error.message);
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

  private async handle(request: IncomingMessage, response: ServerResponse, controls: Controls): Promise<void> {
    const refused = refuseTarget(request.url);
    if (refused) return refuse(response, 400, refused);
    if (declaresTooLarge(request)) throw new BodyTooLarge();
    if (request.url!.startsWith(CONTROL_PREFIX)) return handleControl(request, response, controls);
    this.proxy(request, response);
  }

  /** Forwards the request as it came (its path verbatim, never resolved against a URL) to the resolved region. */
  private proxy(request: IncomingMessage, response: ServerResponse): void {
    const record = this.resolver.resolve()!;
    const region = record.targetRegion;
    if (region !== this.lastRegion) {
      this.log(`global: ${record.name} now resolves to ${region}${this.lastRegion ? ` (was ${this.lastRegion})` : ''}`);
      this.lastRegion = region;
    }
    const regionUrl = new URL(this.regionUrls.get(region)!);
    const upstream = forward({
      hostname: regionUrl.hostname,
      port: regionUrl.port,
      path: request.url,
      method: request.method,
      headers: { ...request.headers, host: record.name },
      agent: false,
    }, (answer) => {
      if (response.headersSent) return void answer.resume();
      response.writeHead(answer.statusCode ?? 502, { ...answer.headers, [SERVED_REGION_HEADER]: region });
      answer.pipe(response);
    });
    upstream.on('error', (error) => {
      if (response.writableEnded) return;
      this.log(`global: ${region} unreachable: ${error.message}`);
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'application/json', [SERVED_REGION_HEADER]: region });
      response.end(JSON.stringify({ message: `${region} unreachable` }));
    });
    request.pipe(limitBody(() => {
      refuse(response, 413, new BodyTooLarge().message);
      upstream.destroy();
    })).pipe(upstream);
  }
}

/** Passes a chunked body through until it exceeds MAX_BODY_BYTES, then calls `onTooLarge` and drops the rest. */
function limitBody(onTooLarge: () => void): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return done(null, chunk);
      if (size - chunk.length <= MAX_BODY_BYTES) onTooLarge();
      done();
    },
  });
}
