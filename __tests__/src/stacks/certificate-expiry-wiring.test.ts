import { FIVE_REGIONS, testConfig } from '../../helpers/config';
import { onlyInRegion, ref, resourcesOf, synthApiStack } from '../../helpers/synth';

describe('multi-region-api stack: certificate expiry alarms', () => {
  const { stack } = synthApiStack(testConfig({ regions: FIVE_REGIONS, alarms: { emails: ['ops@example.com', 'sre@example.com'] } }));
  const expiryAlarms = resourcesOf(stack, 'aws_cloudwatch_metric_alarm').filter(([, a]) => a.namespace === 'AWS/CertificateManager');

  test.each(FIVE_REGIONS)('%s: DaysToExpiry of its own certificate below 30, in its region, to a topic in its region', (region) => {
    const [certId] = onlyInRegion(stack, 'aws_acm_certificate', region);
    // By provider: the us-east-1 monitoring provider's topic and alarms are in us-east-1 too.
    const [topicId, topic] = resourcesOf(stack, 'aws_sns_topic').find(([, t]) => t.provider === `aws.${region}`)!;
    const [, alarm] = expiryAlarms.find(([, a]) => a.provider === `aws.${region}`)!;
    expect(topic.name).toBe(`multi-region-api-certificate-alarms-${region}`);
    expect(alarm).toMatchObject({
      alarm_name: `multi-region-api-certificate-expiry-${region}`,
      namespace: 'AWS/CertificateManager',
      metric_name: 'DaysToExpiry',
      dimensions: { CertificateArn: ref('aws_acm_certificate', certId, 'arn') },
      statistic: 'Minimum',
      period: 86400,
      threshold: 30,
      comparison_operator: 'LessThanThreshold',
      alarm_actions: [ref('aws_sns_topic', topicId, 'arn')],
      ok_actions: [ref('aws_sns_topic', topicId, 'arn')],
    });
    const subscribed = resourcesOf(stack, 'aws_sns_topic_subscription')
      .filter(([, s]) => s.topic_arn === ref('aws_sns_topic', topicId, 'arn')).map(([, s]) => [s.provider, s.protocol, s.endpoint]);
    expect(subscribed.sort()).toEqual([[`aws.${region}`, 'email', 'ops@example.com'], [`aws.${region}`, 'email', 'sre@example.com']]);
  });

  test('one alarm per region, none on the monitoring provider', () => {
    expect(expiryAlarms.map(([, a]) => a.provider).sort()).toEqual(FIVE_REGIONS.map((r) => `aws.${r}`).sort());
  });

  test('subscriptions are keyed by address: dropping the first leaves the second\'s resource as it was', () => {
    const { stack: fewer } = synthApiStack(testConfig({ regions: FIVE_REGIONS, alarms: { emails: ['sre@example.com'] } }));
    const idsOf = (s: typeof stack, email: string) => resourcesOf(s, 'aws_sns_topic_subscription')
      .filter(([, sub]) => sub.endpoint === email && sub.provider !== 'aws.us-east-1-monitoring').map(([id]) => id).sort();
    expect(idsOf(fewer, 'sre@example.com')).toEqual(idsOf(stack, 'sre@example.com'));
  });
});
