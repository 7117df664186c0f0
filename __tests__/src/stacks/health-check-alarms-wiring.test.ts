import { testConfig } from '../../helpers/config';
import { resourcesOf, synthApiStack, SynthesizedStack } from '../../helpers/synth';

// Certificate-expiry alarms live in each certificate's region (certificate-expiry-wiring.test.ts).
const route53Alarms = (stack: SynthesizedStack) => resourcesOf(stack, 'aws_cloudwatch_metric_alarm').map(([, alarm]) => alarm)
  .filter((alarm) => alarm.namespace === 'AWS/Route53');

describe('multi-region-api stack: health-check alarms', () => {
  test('without us-east-1 among the regions, each region\'s check still gets an alarm in us-east-1', () => {
    const { stack } = synthApiStack(testConfig({ regions: ['eu-west-1', 'ap-southeast-2'], alarms: { emails: ['ops@example.com'] } }));
    expect(stack.provider.aws).toContainEqual(expect.objectContaining({ region: 'us-east-1', alias: 'us-east-1-monitoring' }));
    // Each alarm watches the check the region's latency records carry.
    const checks = Object.fromEntries(resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.latency_routing_policy)
      .map(([, record]) => [record.provider, String(record.health_check_id).replace(/^\$\{aws_route53_health_check\.(.*)\.id\}$/, '$1')]));
    const alarms = route53Alarms(stack);
    expect(alarms.map((alarm) => [alarm.alarm_name, alarm.provider, alarm.dimensions]).sort()).toEqual([
      ['multi-region-api-health-ap-southeast-2', 'aws.us-east-1-monitoring', { HealthCheckId: `\${aws_route53_health_check.${checks['aws.ap-southeast-2']}.id}` }],
      ['multi-region-api-health-eu-west-1', 'aws.us-east-1-monitoring', { HealthCheckId: `\${aws_route53_health_check.${checks['aws.eu-west-1']}.id}` }],
    ]);
    const subscriptions = resourcesOf(stack, 'aws_sns_topic_subscription').map(([, s]) => [s.provider, s.protocol, s.endpoint])
      .filter(([provider]) => provider === 'aws.us-east-1-monitoring');
    expect(subscriptions).toEqual([['aws.us-east-1-monitoring', 'email', 'ops@example.com']]);
  });

  test('with us-east-1 configured, the alarms still use the monitoring alias, not the regional provider', () => {
    const { stack } = synthApiStack();
    const providers = new Set(route53Alarms(stack).map((alarm) => alarm.provider));
    expect([...providers]).toEqual(['aws.us-east-1-monitoring']);
    expect(resourcesOf(stack, 'aws_sns_topic_subscription')).toEqual([]);
  });
});
