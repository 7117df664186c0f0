import { matchRoute } from '../../../tools/local/match-route';
import { RegionApiModel } from '../../../tools/local/model';

const api: RegionApiModel = {
  region: 'us-east-1',
  restApiId: 'api',
  stageNames: ['prod'],
  routes: [{ path: '/helloworld', methods: new Map([['GET', { type: 'AWS_PROXY', functionId: 'fn' }]]) }],
  functions: new Map(),
  basePaths: [{ domainName: 'api.example.com', basePath: 'v1', stageName: 'prod' }],
  gatewayResponses: new Map(),
};

describe('matchRoute', () => {
  test('execute-api form: /<stage>/<resource>, event path without the stage', () => {
    expect(matchRoute(api, '/prod/helloworld')).toMatchObject({
      found: true, stage: 'prod', eventPath: '/helloworld', domainName: 'api.execute-api.us-east-1.amazonaws.com',
    });
  });

  test('custom domain form: /<base path>/<resource> through the mapping', () => {
    expect(matchRoute(api, '/v1/helloworld')).toMatchObject({ found: true, stage: 'prod', eventPath: '/v1/helloworld', domainName: 'api.example.com' });
  });

  test.each(['/helloworld', '/dev/helloworld', '/v2/helloworld', '/prod/nothing', '/'])('%s: API Gateway\'s 403', (path) => {
    expect(matchRoute(api, path)).toEqual({ found: false, statusCode: 403, message: 'Missing Authentication Token' });
  });

  test('without a base path mapping the custom domain form does not exist', () => {
    expect(matchRoute({ ...api, basePaths: [] }, '/v1/helloworld').found).toBe(false);
  });
});
