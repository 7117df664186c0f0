import { regionProvider } from '../../../../tools/policy/rules/region-provider';
import { fixture, violationsOf } from '../../../helpers/policy';

const east = 'aws.us-east-1';
const west = 'aws.us-west-2';

describe('MRA-REGION-PROVIDER', () => {
  test('regional resources on their own provider, global ones anywhere, latency targets in their region comply', () => {
    const stack = fixture({
      aws_api_gateway_rest_api: { east: { provider: east }, west: { provider: west } },
      aws_api_gateway_stage: { east: { provider: east, rest_api_id: '${aws_api_gateway_rest_api.east.id}' } },
      aws_api_gateway_domain_name: { west: { provider: west } },
      aws_iam_role: { role: { provider: east } },
      aws_lambda_function: { west: { provider: west, role: '${aws_iam_role.role.arn}' } },
      aws_route53_health_check: { west: { provider: east, fqdn: '${aws_api_gateway_rest_api.west.id}.execute-api.us-west-2.amazonaws.com' } },
      aws_route53_record: {
        west: {
          provider: east,
          latency_routing_policy: { region: 'us-west-2' },
          alias: { name: '${aws_api_gateway_domain_name.west.regional_domain_name}', zone_id: '${aws_api_gateway_domain_name.west.regional_zone_id}' },
          health_check_id: '${aws_route53_health_check.west.id}',
        },
      },
      aws_cloudwatch_metric_alarm: { west: { provider: 'aws.us-east-1-monitoring', dimensions: { HealthCheckId: '${aws_route53_health_check.west.id}' } } },
    }, {}, ['us-east-1', 'us-west-2', { region: 'us-east-1', alias: 'us-east-1-monitoring' }]);
    expect(violationsOf(regionProvider, stack)).toEqual([]);
  });

  test('a misnamed alias, a resource on the default or an unknown provider, and cross-region references are reported', () => {
    const stack = fixture({
      aws_api_gateway_rest_api: { east: { provider: east }, west: { provider: west }, loose: {}, lost: { provider: 'aws.eu-west-9' } },
      aws_api_gateway_stage: { crossed: { provider: east, rest_api_id: '${aws_api_gateway_rest_api.west.id}' } },
      aws_route53_health_check: { wrong: { fqdn: '${aws_api_gateway_rest_api.east.id}.execute-api.us-west-2.amazonaws.com' } },
      aws_route53_record: {
        wrong: { latency_routing_policy: { region: 'us-east-1' }, records: ['${aws_api_gateway_rest_api.west.id}.execute-api.us-west-2.amazonaws.com'] },
      },
    }, {}, ['us-east-1', 'us-west-2', { region: 'eu-west-1', alias: 'ireland' }]);
    expect(violationsOf(regionProvider, stack)).toEqual([
      ['provider.aws.ireland', 'alias "ireland" does not name its region eu-west-1'],
      ['aws_api_gateway_rest_api.loose', 'uses the implicit default provider, whose region comes from the environment'],
      ['aws_api_gateway_rest_api.lost', 'provider aws.eu-west-9 is not declared in this stack'],
      ['aws_api_gateway_stage.crossed', 'refers to aws_api_gateway_rest_api.west is in us-west-2, not us-east-1'],
      ['aws_route53_health_check.wrong', 'health check of an API in us-west-2 probes aws_api_gateway_rest_api.east is in us-east-1, not us-west-2'],
      ['aws_route53_record.wrong', 'latency record for us-east-1 points at aws_api_gateway_rest_api.west is in us-west-2, not us-east-1'],
    ]);
  });

  test('a stack with one unaliased provider (e.g. state bootstrap) may leave provider unset', () => {
    const stack = fixture({ aws_s3_bucket: { state: {} } }, {}, [{ region: 'eu-west-1' }]);
    expect(violationsOf(regionProvider, stack)).toEqual([]);
  });
});
