import { ApiHealthCheck, ApiHealthCheckProps } from '../../../src/constructs/api-health-check';
import { testConfig } from '../../helpers/config';
import { resourcesOf, synthConstructs } from '../../helpers/synth';

// The probes of a 30 s check bring fewer requests a period than the default floor: eviction off keeps these about the check.
const healthCheck = (settings: Record<string, unknown>) => testConfig({ healthCheck: { errorRate: { enabled: false }, ...settings } }).healthCheck;

function check(props: Partial<ApiHealthCheckProps>) {
  const stack = synthConstructs((scope, provider) => new ApiHealthCheck(scope, 'check', {
    provider, fqdn: 'abc.execute-api.us-east-1.amazonaws.com', resourcePath: '/prod/healthcheck', name: 'api-us-east-1',
    healthCheck: healthCheck({ requestInterval: 30, failureThreshold: 4 }), ...props,
  }));
  return resourcesOf(stack, 'aws_route53_health_check').map(([, c]) => c);
}

describe('ApiHealthCheck', () => {
  test('HTTPS string match on 443 with SNI, looking for "ok" by default', () => {
    expect(check({})).toEqual([expect.objectContaining({
      type: 'HTTPS_STR_MATCH', port: 443, enable_sni: true, search_string: 'ok',
      fqdn: 'abc.execute-api.us-east-1.amazonaws.com', resource_path: '/prod/healthcheck',
      request_interval: 30, failure_threshold: 4, tags: { Name: 'api-us-east-1' },
    })]);
    expect(check({})[0]).not.toHaveProperty('regions');
  });

  test('checker regions and search string when given', () => {
    const regions = ['us-west-1', 'eu-west-1', 'ap-northeast-1'];
    expect(check({ healthCheck: healthCheck({ requestInterval: 30, failureThreshold: 4, checkerRegions: regions }), searchString: 'healthy' })[0]).toMatchObject({ regions, search_string: 'healthy' });
  });
});
