import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { HealthCheckAlarms } from '../../../src/constructs/health-check-alarms';

const CHECKS = [{ region: 'us-west-2', healthCheckId: 'hc-west' }, { region: 'eu-west-1', healthCheckId: 'hc-eu' }];

function synth(emails?: string[], region = 'us-east-1') {
  const stack = new TerraformStack(Testing.app() as App, 'test');
  const provider = new AwsProvider(stack, 'monitoring', { region, alias: `${region}-monitoring` });
  new HealthCheckAlarms(stack, 'alarms', { provider, namePrefix: 'shop', healthChecks: CHECKS, emails });
  return JSON.parse(Testing.synth(stack)) as { resource: Record<string, Record<string, Record<string, unknown>>> };
}

describe('HealthCheckAlarms', () => {
  test('one alarm per health check on AWS/Route53 HealthCheckStatus, through the us-east-1 provider', () => {
    const { resource } = synth();
    const alarms = Object.values(resource.aws_cloudwatch_metric_alarm);
    const [topicId] = Object.keys(resource.aws_sns_topic);
    expect(alarms.map((a) => [a.alarm_name, a.dimensions]).sort()).toEqual([
      ['shop-health-eu-west-1', { HealthCheckId: 'hc-eu' }],
      ['shop-health-us-west-2', { HealthCheckId: 'hc-west' }],
    ]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        provider: 'aws.us-east-1-monitoring', namespace: 'AWS/Route53', metric_name: 'HealthCheckStatus',
        statistic: 'Minimum', comparison_operator: 'LessThanThreshold', threshold: 1, treat_missing_data: 'breaching',
        alarm_actions: [`\${aws_sns_topic.${topicId}.arn}`], ok_actions: [`\${aws_sns_topic.${topicId}.arn}`],
      });
    }
  });

  test('email subscriptions only when configured', () => {
    expect(synth().resource.aws_sns_topic_subscription).toBeUndefined();
    const subscriptions = Object.values(synth(['ops@example.com', 'oncall@example.com']).resource.aws_sns_topic_subscription);
    expect(subscriptions.map((s) => [s.protocol, s.endpoint]).sort()).toEqual([['email', 'oncall@example.com'], ['email', 'ops@example.com']]);
  });

  test('subscriptions are keyed by address, and move from the position keys older versions used', () => {
    const resources = synth(['ops@example.com', 'oncall@example.com']).resource.aws_sns_topic_subscription;
    const ids = Object.keys(resources);
    expect(ids.some((id) => id.includes('email-opsexamplecom'))).toBe(true);
    expect(ids.some((id) => id.includes('email-oncallexamplecom'))).toBe(true);
    const { moved } = synth(['ops@example.com', 'oncall@example.com']) as unknown as { moved: Array<{ from: string; to: string }> };
    expect(moved.map((m) => [m.from.replace(/_[0-9A-F]{8}$/, ''), m.to.replace(/_[0-9A-F]{8}$/, '')])).toEqual([
      ['aws_sns_topic_subscription.alarms_email-0', 'aws_sns_topic_subscription.alarms_email-opsexamplecom'],
      ['aws_sns_topic_subscription.alarms_email-1', 'aws_sns_topic_subscription.alarms_email-oncallexamplecom'],
    ]);
  });

  test('refuses a provider outside us-east-1, where there would be no metrics', () => {
    expect(() => synth([], 'us-west-2')).toThrow('HealthCheckAlarms needs a us-east-1 provider (Route 53 metrics live there), got us-west-2');
  });
});
