import { getEvent, proxyEvent } from '../../../tools/local/proxy-event';

const route = { resource: '/helloworld', stage: 'prod', eventPath: '/v1/helloworld', domainName: 'api.example.com', apiId: 'api' };

test('a REST API (v1) proxy event: headers as sent, repeated ones in multiValueHeaders, query strings, request context', () => {
  const event = proxyEvent({
    method: 'GET',
    path: '/v1/helloworld',
    query: new URLSearchParams('a=1&a=2&b=x'),
    rawHeaders: ['Origin', 'https://app.example.com', 'X-Tag', 'one', 'X-Tag', 'two', 'User-Agent', 'jest'],
    body: '',
    sourceIp: '127.0.0.1',
  }, route, new Date(1_700_000_000_000));
  expect(event).toMatchObject({
    resource: '/helloworld',
    path: '/v1/helloworld',
    httpMethod: 'GET',
    headers: { Origin: 'https://app.example.com', 'X-Tag': 'two', 'User-Agent': 'jest' },
    multiValueHeaders: { 'X-Tag': ['one', 'two'] },
    queryStringParameters: { a: '2', b: 'x' },
    multiValueQueryStringParameters: { a: ['1', '2'], b: ['x'] },
    pathParameters: null,
    body: null,
    isBase64Encoded: false,
    requestContext: {
      stage: 'prod', resourcePath: '/helloworld', path: '/v1/helloworld', domainName: 'api.example.com',
      requestTimeEpoch: 1_700_000_000_000, identity: { sourceIp: '127.0.0.1', userAgent: 'jest' },
    },
  });
});

test('no query string: null, as API Gateway sends it; a body is passed as text', () => {
  const event = proxyEvent({ method: 'POST', path: '/prod/helloworld', query: new URLSearchParams(), rawHeaders: [], body: '{"a":1}', sourceIp: '::1' }, route);
  expect(event.queryStringParameters).toBeNull();
  expect(event.multiValueQueryStringParameters).toBeNull();
  expect(event.body).toBe('{"a":1}');
});

test('getEvent: a GET straight on the stage, headers as given', () => {
  expect(getEvent('/healthcheck', { Origin: 'https://a.example.com' })).toMatchObject({
    resource: '/healthcheck',
    path: '/healthcheck',
    httpMethod: 'GET',
    headers: { Origin: 'https://a.example.com' },
    queryStringParameters: null,
    body: null,
    requestContext: { stage: 'prod', resourcePath: '/healthcheck', path: '/prod/healthcheck' },
  });
});
