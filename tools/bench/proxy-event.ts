import type { APIGatewayProxyEvent } from 'aws-lambda';

/** A REST API (v1) proxy event for GET `path`, as API Gateway would send it (trimmed to what handlers read). */
export function proxyEvent(
  path: string, headers: Record<string, string> = { Origin: 'https://app.example.com' },
): APIGatewayProxyEvent {
  return {
    resource: path,
    path,
    httpMethod: 'GET',
    headers,
    multiValueHeaders: {},
    queryStringParameters: null,
    multiValueQueryStringParameters: null,
    pathParameters: null,
    stageVariables: null,
    body: null,
    isBase64Encoded: false,
    requestContext: { stage: 'prod', resourcePath: path, httpMethod: 'GET' } as APIGatewayProxyEvent['requestContext'],
  };
}
