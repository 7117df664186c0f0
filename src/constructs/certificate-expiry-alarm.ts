import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';

/** ACM renews DNS-validated certificates 60 days before expiry; 30 days left means renewal has been failing for a month. */
export const EXPIRY_ALARM_DAYS = 30;

export interface CertificateExpiryAlarmProps {
  /** The certificate's own region's provider: ACM publishes DaysToExpiry there, and an alarm notifies only a topic in its region. */
  readonly provider: AwsProvider;
  readonly namePrefix: string;
  readonly region: string;
  readonly certificateArn: string;
  /** Addresses subscribed to this region's topic; each must confirm the email AWS sends. @default [] */
  readonly emails?: readonly string[];
}

/**
 * An alarm on ACM's `DaysToExpiry` for one region's certificate (below 30 days: auto-renewal has stopped, typically
 * because the validation record is gone), notifying a topic in the same region with the same subscribers as the
 * health-check alarms. CloudWatch cannot notify a topic in another region, so each region has its own topic.
 */
export class CertificateExpiryAlarm extends Construct {
  readonly topic: SnsTopic;
  readonly alarm: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: CertificateExpiryAlarmProps) {
    super(scope, id);
    const { provider, namePrefix, region } = props;

    this.topic = new SnsTopic(this, 'topic', { provider, name: `${namePrefix}-certificate-alarms-${region}` });
    // Keyed by address: removing one address leaves the others' (confirmed) subscriptions alone.
    for (const email of new Set(props.emails ?? [])) {
      new SnsTopicSubscription(this, `email-${email}`, { provider, topicArn: this.topic.arn, protocol: 'email', endpoint: email });
    }
    this.alarm = new CloudwatchMetricAlarm(this, 'alarm', {
      provider,
      alarmName: `${namePrefix}-certificate-expiry-${region}`,
      alarmDescription: `The ${region} API certificate expires in under ${EXPIRY_ALARM_DAYS} days: ACM has not renewed it `
        + '(is its DNS validation record still in the hosted zone?).',
      namespace: 'AWS/CertificateManager',
      metricName: 'DaysToExpiry',
      dimensions: { CertificateArn: props.certificateArn },
      statistic: 'Minimum',
      // ACM publishes the metric once a day.
      period: 86400,
      evaluationPeriods: 1,
      threshold: EXPIRY_ALARM_DAYS,
      comparisonOperator: 'LessThanThreshold',
      // Until the certificate is issued there is no datapoint; the health check covers a certificate that never issues.
      treatMissingData: 'notBreaching',
      alarmActions: [this.topic.arn],
      okActions: [this.topic.arn],
    });
  }
}
