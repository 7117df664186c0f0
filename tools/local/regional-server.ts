import type { APIGatewayProxyResult } from 'aws-lambda';
import { IncomingMessage, Server, ServerResponse, createServer } from 'http';
import { HELLO_PATH } from '../../src/contract';
import { ServedRequest } from './api-metrics';
import { LocalRunError } from './errors';
import { NO_FAULT, RegionFault } from './faults';
import { gatewayResponseHeaders } from './gateway-responses';
import { FunctionTimedOut, InjectedFailure, LocalFunction } from './local-function';
import { close, listen } from './listen';
import { matchRoute, RouteMatch } from './match-route';
import { IntegrationModel, RegionApiModel } from './model';
import { proxyEvent } from './proxy-event';
import { BodyTooLarge, readBody, refuse, refuseTarget } from './request-limits';

/**
 * One region's API Gateway REST API on its own port, invoking that region's copies of the synthesized functions.
 * The Host header picks the entry: one of the region's custom domain names serves that domain's base path mappings;
 * any other host (an execute-api host, 127.0.0.1) serves the stage paths and, for convenience, every mapping.
 */
export class RegionalServer {
  readonly functions: ReadonlyMap<string, LocalFunction>;
  private readonly server: Server;
  private boundPort = 0;
  private currentFault: RegionFault = NO_FAULT;

  /** `onServed` hears of every request a method of the API answered (what API Gateway counts in its metrics). */
  constructor(
    readonly api: RegionApiModel,
    private readonly log: (line: string) => void = () => undefined,
    private readonly onServed: (request: ServedRequest) => void = () => undefined,
  ) {
    this.functions = new Map([...api.functions].map(([id, model]) => [id, new LocalFunction(model, api.region)]));
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: Error) => {
        if (error instanceof BodyTooLarge) return refuse(response, 413, error.message);
        this.log(`${api.region}: ${error.message}`);
        if (!response.headersSent) this.answerAsGateway(request, response, 500, 'Internal server error');
      });
    });
  }

  get region(): string {
    return this.api.region;
  }

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get fault(): RegionFault {
    return this.currentFault;
  }

  /**
   * `unmapped`: custom-domain paths answer 403 Forbidden (a domain with no mapping); stage paths keep working.
   * `hello-errors`: the function behind `GET /helloworld` throws on `rate` of its invocations (API Gateway answers 502).
   */
  setFault(fault: RegionFault): void {
    const hello = this.helloFunction();
    if (fault.fault === 'hello-errors' && !hello) throw new LocalRunError(`${this.region}: no Lambda function serves GET /${HELLO_PATH}`);
    hello?.failShare(fault.fault === 'hello-errors' ? fault.rate : undefined);
    this.currentFault = fault;
  }

  /** The function API Gateway invokes for `GET /helloworld`, found through the stack's integration. */
  private helloFunction(): LocalFunction | undefined {
    const integration = this.api.routes.find((route) => route.path === `/${HELLO_PATH}`)?.methods.get('GET');
    return integration?.type === 'AWS_PROXY' ? this.functions.get(integration.functionId) : undefined;
  }

  async start(port: number): Promise<number> {
    this.boundPort = await listen(this.server, port, `API in ${this.region}`);
    return this.boundPort;
  }

  stop(): Promise<void> {
    return close(this.server);
  }

  /** An answer API Gateway makes itself, with the headers of the stack's gateway response for its status. */
  private answerAsGateway(
    request: IncomingMessage, response: ServerResponse, status: number, message: string, extra: Record<string, string> = {},
  ): void {
    const gateway = gatewayResponseHeaders(this.api.gatewayResponses, status, request.headers);
    send(response, status, { 'Content-Type': 'application/json', ...extra, ...gateway }, JSON.stringify({ message }));
  }

  private isBasePath(path: string): boolean {
    const first = path.split('/')[1] ?? '';
    return this.api.basePaths.some((mapping) => mapping.basePath === first
      || (mapping.basePath === '' && !this.api.stageNames.includes(first)));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refused = refuseTarget(request.url);
    if (refused) return refuse(response, 400, refused);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const viaDomain = this.api.basePaths.some((mapping) => mapping.domainName === host);
    if (this.currentFault.fault === 'unmapped' && (viaDomain || this.isBasePath(url.pathname))) {
      // What API Gateway answers on a custom domain that has no base path mapping for the path.
      return send(response, 403, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'ForbiddenException' },
        JSON.stringify({ message: 'Forbidden' }));
    }
    const entry = viaDomain ? { ...this.api, basePaths: this.api.basePaths.filter((m) => m.domainName === host) } : this.api;
    const match = matchRoute(entry, url.pathname);
    const integration = match.found ? match.route.methods.get(request.method ?? 'GET') : undefined;
    if (!match.found || !integration) {
      return this.answerAsGateway(request, response, 403, 'Missing Authentication Token', { 'x-amzn-ErrorType': 'MissingAuthenticationTokenException' });
    }
    response.once('finish', () => this.onServed({
      stage: match.stage, resource: match.route.path, method: request.method ?? 'GET', status: response.statusCode, at: Date.now(),
    }));
    if (integration.type === 'MOCK') return answerMock(integration, request, response);
    return this.invoke(request, response, url, match, integration.functionId);
  }

  /** An AWS_PROXY integration: the REST v1 proxy event to the function, its answer (or API Gateway's 5xx) back. */
  private async invoke(
    request: IncomingMessage, response: ServerResponse, url: URL, match: Extract<RouteMatch, { found: true }>, functionId: string,
  ): Promise<void> {
    const event = proxyEvent({
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      rawHeaders: request.rawHeaders,
      body: await readBody(request),
      sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
    }, {
      resource: match.route.path, stage: match.stage, eventPath: match.eventPath, domainName: match.domainName,
      apiId: this.api.restApiId,
    });
    const fn = this.functions.get(functionId)!;
    let result: APIGatewayProxyResult;
    try {
      result = await fn.invoke(event);
    } catch (error) {
      // Injected failures come by the hundred; the fault's own log line says they are on.
      if (!(error instanceof InjectedFailure)) this.log(`${this.region}: ${fn.model.functionName} failed: ${(error as Error).message}`);
      // A function that times out is an error Lambda reports (502), unless API Gateway's own 29 s limit came first.
      if (error instanceof FunctionTimedOut && fn.model.timeoutSeconds >= INTEGRATION_TIMEOUT_SECONDS) {
        return this.answerAsGateway(request, response, 504, 'Endpoint request timed out');
      }
      return this.answerAsGateway(request, response, 502, 'Internal server error');
    }
    if (!result || typeof result.statusCode !== 'number') {
      this.log(`${this.region}: ${fn.model.functionName} returned a malformed proxy response`);
      return this.answerAsGateway(request, response, 502, 'Internal server error');
    }
    const headers: Record<string, string | string[]> = { ...result.multiValueHeaders as Record<string, string[]> };
    for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
    const body = result.isBase64Encoded ? Buffer.from(result.body ?? '', 'base64') : result.body ?? '';
    send(response, result.statusCode, headers, body);
  }
}

/** API Gateway's REST integrations give up after 29 s. */
const INTEGRATION_TIMEOUT_SECONDS = 29;

function answerMock(
  integration: Extract<IntegrationModel, { type: 'MOCK' }>, request: IncomingMessage, response: ServerResponse,
): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...integration.headers };
  const origin = request.headers.origin;
  if (origin && integration.echoOrigins.includes(origin)) headers['Access-Control-Allow-Origin'] = origin;
  send(response, integration.statusCode, headers, '');
}

function send(response: ServerResponse, status: number, headers: Record<string, string | string[]>, body: string | Buffer): void {
  response.writeHead(status, headers);
  response.end(body);
}
