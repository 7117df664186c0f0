import type { APIGatewayProxyEvent } from 'aws-lambda';
import { randomUUID } from 'crypto';

export interface ReceivedRequest {
  readonly method: string;
  /** The path as received (with the stage or base path), e.g. `/prod/helloworld`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Node's `rawHeaders`: name, value, name, value, ... */
  readonly rawHeaders: readonly string[];
  readonly body: string;
  readonly sourceIp: string;
}

export interface MatchedRoute {
  /** The API resource, e.g. `/helloworld`. */
  readonly resource: string;
  readonly stage: string;
  /** `event.path`: the resource path on execute-api, the base path plus the resource path on a custom domain. */
  readonly eventPath: string;
  readonly domainName: string;
  readonly apiId: string;
}

/** The REST API (v1) Lambda proxy event API Gateway would send for this request. */
export function proxyEvent(request: ReceivedRequest, route: MatchedRoute, now = new Date()): APIGatewayProxyEvent {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < request.rawHeaders.length; i += 2) {
    const [name, value] = [request.rawHeaders[i], request.rawHeaders[i + 1]];
    headers[name] = value;
    (multiValueHeaders[name] ??= []).push(value);
  }
  const query: Record<string, string> = {};
  const multiValueQuery: Record<string, string[]> = {};
  for (const [name, value] of request.query) {
    query[name] = value;
    (multiValueQuery[name] ??= []).push(value);
  }
  const hasQuery = Object.keys(query).length > 0;
  const userAgent = Object.entries(headers).find(([name]) => name.toLowerCase() === 'user-agent')?.[1] ?? null;
  return {
    resource: route.resource,
    path: route.eventPath,
    httpMethod: request.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiValueQuery : null,
    pathParameters: null,
    stageVariables: null,
    body: request.body === '' ? null : request.body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: route.apiId,
      domainName: route.domainName,
      httpMethod: request.method,
      path: request.path,
      protocol: 'HTTP/1.1',
      requestId: randomUUID(),
      requestTimeEpoch: now.getTime(),
      resourceId: route.resource,
      resourcePath: route.resource,
      stage: route.stage,
      identity: { sourceIp: request.sourceIp, userAgent },
    } as unknown as APIGatewayProxyEvent['requestContext'],
  };
}

/**
 * The event for a GET of `path` straight on a stage (e.g. `/helloworld`), as the handler tests and the bench send
 * it: the same builder the local run uses, fed a plain request.
 */
export function getEvent(path: string, headers: Record<string, string> = { Origin: 'https://app.example.com' }): APIGatewayProxyEvent {
  const request = { method: 'GET', path: `/prod${path}`, query: new URLSearchParams(), rawHeaders: Object.entries(headers).flat(), body: '', sourceIp: '127.0.0.1' };
  return proxyEvent(request, { resource: path, stage: 'prod', eventPath: path, domainName: 'localhost', apiId: 'local' });
}
