import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { CalculatedHealthCheck } from '../../../src/constructs/calculated-health-check';
import { testConfig } from '../../helpers/config';
import { ref, Resource, resourcesOf, synthApiStack, synthConstructs, SynthesizedStack } from '../../helpers/synth';

const REGIONS = ['us-east-1', 'us-west-2'];
const idIn = (stack: SynthesizedStack, type: string, region: string, part: string): [string, Resource] =>
  resourcesOf(stack, type).find(([id, r]) => r.provider === `aws.${region}` && id.includes(part))!;
const checkRef = (id: string) => ref('aws_route53_health_check', id, 'id');

describe('error-rate eviction (on by default)', () => {
  const { stack } = synthApiStack(testConfig({
    healthCheck: { errorRate: { threshold: 0.07, periodSeconds: 120, evaluationPeriods: 3, minRequests: 40 } },
  }));

  describe.each(REGIONS)('%s', (region) => {
    const [healthId] = idIn(stack, 'aws_route53_health_check', region, 'front-door-' + region + '_health-check_');
    const [servedId, served] = idIn(stack, 'aws_route53_health_check', region, '_served-route-check_');
    const [rateCheckId, rateCheck] = idIn(stack, 'aws_route53_health_check', region, '_error-rate-check_');
    const [quietCheckId, quietCheck] = idIn(stack, 'aws_route53_health_check', region, '_quiet-check_');
    const [gateId, gate] = idIn(stack, 'aws_route53_health_check', region, '_error-gate_');
    const [dnsId, dns] = idIn(stack, 'aws_route53_health_check', region, '_dns-health-check_');
    const [rateAlarmId, rateAlarm] = idIn(stack, 'aws_cloudwatch_metric_alarm', region, '_alarms_error-rate_');
    const [busyAlarmId, busyAlarm] = idIn(stack, 'aws_cloudwatch_metric_alarm', region, '_alarms_busy_');
    const [apiId] = idIn(stack, 'aws_api_gateway_rest_api', region, '_rest-api_');
    const [stageId] = idIn(stack, 'aws_api_gateway_stage', region, '_stage_');

    test('the latency records carry one check that needs the health route, the served route and the error gate', () => {
      expect(dns).toMatchObject({ type: 'CALCULATED', child_health_threshold: 3, child_healthchecks: [checkRef(healthId), checkRef(servedId), checkRef(gateId)] });
      const records = resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.provider === `aws.${region}` && r.latency_routing_policy);
      expect(records.map(([, r]) => r.health_check_id)).toEqual([checkRef(dnsId), checkRef(dnsId)]);
    });

    test('the error gate is healthy while the error rate is low OR the period was too quiet to judge', () => {
      expect(gate).toMatchObject({ type: 'CALCULATED', child_health_threshold: 1, child_healthchecks: [checkRef(rateCheckId), checkRef(quietCheckId)] });
      expect(rateCheck).toMatchObject({
        type: 'CLOUDWATCH_METRIC', cloudwatch_alarm_name: ref('aws_cloudwatch_metric_alarm', rateAlarmId, 'alarm_name'),
        cloudwatch_alarm_region: region, insufficient_data_health_status: 'Healthy',
      });
      expect(quietCheck).toMatchObject({
        type: 'CLOUDWATCH_METRIC', cloudwatch_alarm_name: ref('aws_cloudwatch_metric_alarm', busyAlarmId, 'alarm_name'),
        cloudwatch_alarm_region: region, insufficient_data_health_status: 'Healthy',
      });
    });

    test('both alarms read GET /helloworld\'s own metrics in the API\'s region, with the configured cadence', () => {
      const dimensions = {
        ApiName: ref('aws_api_gateway_rest_api', apiId, 'name'), Stage: ref('aws_api_gateway_stage', stageId, 'stage_name'),
        Resource: '/helloworld', Method: 'GET',
      };
      const cadence = { namespace: 'AWS/ApiGateway', dimensions, period: 120, evaluation_periods: 3, datapoints_to_alarm: 3, treat_missing_data: 'notBreaching' };
      expect(rateAlarm).toMatchObject({
        ...cadence, alarm_name: `multi-region-api-error-rate-${region}`, metric_name: '5XXError', statistic: 'Average',
        threshold: 0.07, comparison_operator: 'GreaterThanThreshold',
      });
      expect(rateAlarm.alarm_description).toContain('More than 7% of GET /helloworld answers');
      expect(busyAlarm).toMatchObject({
        ...cadence, alarm_name: `multi-region-api-requests-${region}`, metric_name: 'Count', statistic: 'Sum',
        threshold: 40, comparison_operator: 'GreaterThanOrEqualToThreshold',
      });
      // Route 53 can only read single-metric alarms with a plain statistic.
      for (const alarm of [rateAlarm, busyAlarm]) expect(alarm).not.toHaveProperty('metric_query');
    });

    test('the served route is probed like the health route, on its own path, for the hello text', () => {
      expect(served).toMatchObject({
        type: 'HTTPS_STR_MATCH', fqdn: `${region}.api.example.com`, resource_path: '/v1/helloworld', search_string: 'Hello from',
        request_interval: 10, failure_threshold: 2, enable_sni: true, tags: { Name: `multi-region-api-${region}-served-route` },
      });
      const health = resourcesOf(stack, 'aws_route53_health_check').find(([id]) => id === healthId)![1];
      expect(served.depends_on).toEqual(health.depends_on);
    });

    test('every check moves its dependants to a replacement before it is deleted', () => {
      for (const check of [served, rateCheck, quietCheck, gate, dns]) expect(check.lifecycle).toEqual({ create_before_destroy: true });
    });
  });

  test('the execute-api target probes the stage path of the served route', () => {
    const { stack: blog } = synthApiStack(testConfig({ healthCheck: { target: 'execute-api' } }));
    const [, served] = idIn(blog, 'aws_route53_health_check', 'us-east-1', '_served-route-check_');
    expect(served).toMatchObject({ resource_path: '/prod/helloworld', search_string: 'Hello from' });
  });
});

describe('error-rate eviction off', () => {
  const { stack } = synthApiStack(testConfig({ healthCheck: { errorRate: { enabled: false } } }));

  test('only the health route\'s check, carried by the records; no alarms, metrics or output of the error path', () => {
    const checks = resourcesOf(stack, 'aws_route53_health_check');
    expect(checks.map(([, c]) => c.type)).toEqual(['HTTPS_STR_MATCH', 'HTTPS_STR_MATCH']);
    for (const [, record] of resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.latency_routing_policy)) {
      expect(checks.map(([id]) => checkRef(id))).toContain(record.health_check_id);
    }
    expect(resourcesOf(stack, 'aws_cloudwatch_metric_alarm').filter(([, a]) => a.namespace === 'AWS/ApiGateway')).toEqual([]);
    expect(resourcesOf(stack, 'aws_api_gateway_method_settings').map(([, s]) => s.method_path)).toEqual(['*/*', '*/*']);
    expect(Object.keys(stack.output!)).not.toContain('error_rate_failover_seconds');
    expect(Object.keys((stack.output!.regions.value as Record<string, object>)['us-east-1'])).not.toContain('dns_health_check_id');
  });
});

describe('CalculatedHealthCheck', () => {
  test.each([0, 3])('refuses %i healthy children of two: always healthy or never', (healthyChildren) => {
    expect(() => synthConstructs((scope, provider: AwsProvider) => {
      new CalculatedHealthCheck(scope, 'check', { provider, childHealthCheckIds: ['a', 'b'], healthyChildren, name: 'n' });
    })).toThrow(`healthyChildren ${healthyChildren} must be 1 to 2`);
  });
});
