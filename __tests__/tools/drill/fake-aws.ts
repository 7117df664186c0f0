import { IncomingMessage, ServerResponse } from 'http';
import { FakeHttpServer } from '../../helpers/fake-http-server';

export type Operation = 'GetFunctionConfiguration' | 'UpdateFunctionConfiguration' | 'GetHealthCheck' | 'GetHealthCheckStatus';
/**
 * What the fake does with one call: answer, never answer, reset the connection, answer 500, throttle (429), or apply
 * an update and then answer 500 (the write landed, its answer was lost).
 */
export type Behaviour = 'answer' | 'hang' | 'reset' | '500' | '429' | 'apply-then-500';

interface UpdateBody {
  readonly Environment: { readonly Variables: Record<string, string> };
  readonly RevisionId?: string;
}

/**
 * Lambda and Route 53 as the drill calls them, on 127.0.0.1: a health function whose environment the drill changes,
 * and a health check that follows its STATUS. `behave` picks each call's fate from the operation and its count.
 * Like Lambda, every update moves the function's RevisionId, and an update naming an older one is refused (412).
 */
export class FakeAws extends FakeHttpServer {
  env: Record<string, string>;
  revision = 1;
  readonly calls: Record<Operation, number> = {
    GetFunctionConfiguration: 0, UpdateFunctionConfiguration: 0, GetHealthCheck: 0, GetHealthCheckStatus: 0,
  };
  behave: (operation: Operation, call: number) => Behaviour = () => 'answer';
  /** When the first call came (Date.now()): the drill's start, whatever its process took to start. */
  firstCallAt?: number;

  constructor(env: Record<string, string>) {
    super();
    this.env = { ...env };
  }

  get revisionId(): string {
    return `rev-${this.revision}`;
  }

  /** Someone else updates the function (a deploy, a colleague): its environment becomes `variables`. */
  updateByOthers(variables: Record<string, string>): void {
    this.env = { ...variables };
    this.revision += 1;
  }

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await new Promise<string>((resolve) => {
      let text = '';
      request.on('data', (chunk: Buffer) => { text += chunk.toString('utf8'); });
      request.on('end', () => resolve(text));
    });
    this.firstCallAt ??= Date.now();
    const operation = this.operationOf(request.method ?? 'GET', request.url ?? '/');
    if (!operation) return json(response, 404, { message: `fake AWS does not know ${request.method} ${request.url}` });
    const behaviour = this.behave(operation, ++this.calls[operation]);
    if (behaviour === 'hang') return;
    if (behaviour === 'reset') return void request.socket.resetAndDestroy();
    if (operation.endsWith('FunctionConfiguration')) return this.lambda(operation, behaviour, body, response);
    if (behaviour !== 'answer') {
      response.writeHead(500, { 'Content-Type': 'text/xml' });
      return void response.end('<ErrorResponse><Error><Type>Receiver</Type><Code>InternalFailure</Code><Message>fake failure</Message></Error></ErrorResponse>');
    }
    response.writeHead(200, { 'Content-Type': 'text/xml' });
    response.end(operation === 'GetHealthCheck' ? healthCheckXml() : statusXml(this.env.STATUS !== 'fail'));
  }

  private lambda(operation: Operation, behaviour: Behaviour, body: string, response: ServerResponse): void {
    if (behaviour === '500') return lambdaError(response, 500, 'ServiceException');
    if (behaviour === '429') return lambdaError(response, 429, 'TooManyRequestsException');
    if (operation === 'UpdateFunctionConfiguration') {
      const update = JSON.parse(body) as UpdateBody;
      if (update.RevisionId !== undefined && update.RevisionId !== this.revisionId) {
        return lambdaError(response, 412, 'PreconditionFailedException');
      }
      this.updateByOthers(update.Environment.Variables);
      if (behaviour === 'apply-then-500') return lambdaError(response, 500, 'ServiceException');
    }
    json(response, 200, {
      FunctionName: 'fn', Environment: { Variables: this.env }, LastUpdateStatus: 'Successful', RevisionId: this.revisionId,
      CodeSha256: 'code-1',
    });
  }

  private operationOf(method: string, url: string): Operation | undefined {
    if (/^\/2015-03-31\/functions\/[^/]+\/configuration/.test(url)) return method === 'PUT' ? 'UpdateFunctionConfiguration' : 'GetFunctionConfiguration';
    if (/^\/2013-04-01\/healthcheck\/[^/]+\/status/.test(url)) return 'GetHealthCheckStatus';
    if (/^\/2013-04-01\/healthcheck\/[^/]+$/.test(url)) return 'GetHealthCheck';
    return undefined;
  }
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

function lambdaError(response: ServerResponse, status: number, type: string): void {
  json(response, status, { Type: 'User', message: `fake ${type}` }, { 'x-amzn-ErrorType': type });
}

const XMLNS = 'https://route53.amazonaws.com/doc/2013-04-01/';

function healthCheckXml(): string {
  return `<?xml version="1.0"?><GetHealthCheckResponse xmlns="${XMLNS}"><HealthCheck><Id>hc</Id><CallerReference>x</CallerReference>`
    + '<HealthCheckConfig><Type>HTTPS_STR_MATCH</Type><RequestInterval>10</RequestInterval><FailureThreshold>2</FailureThreshold></HealthCheckConfig>'
    + '<HealthCheckVersion>1</HealthCheckVersion></HealthCheck></GetHealthCheckResponse>';
}

function statusXml(healthy: boolean): string {
  const status = healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: HTTP Status Code 503, Service Unavailable';
  const observation = (i: number) => `<HealthCheckObservation><Region>us-east-1</Region><IPAddress>10.0.0.${i}</IPAddress>`
    + `<StatusReport><Status>${status}</Status><CheckedTime>2026-01-01T00:00:00Z</CheckedTime></StatusReport></HealthCheckObservation>`;
  return `<?xml version="1.0"?><GetHealthCheckStatusResponse xmlns="${XMLNS}"><HealthCheckObservations>`
    + `${Array.from({ length: 8 }, (_, i) => observation(i)).join('')}</HealthCheckObservations></GetHealthCheckStatusResponse>`;
}
