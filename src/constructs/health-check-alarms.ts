import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import { formerAddress } from '../former-address';

/** Route 53 publishes health-check metrics to CloudWatch in this region only. */
export const ROUTE53_METRICS_REGION = 'us-east-1';

export interface RegionHealthCheck {
  readonly region: string;
  readonly healthCheckId: string;
}

export interface HealthCheckAlarmsProps {
  /** A provider whose region is us-east-1 (an alias of its own, so this works whichever regions are configured). */
  readonly provider: AwsProvider;
  readonly namePrefix: string;
  readonly healthChecks: readonly RegionHealthCheck[];
  /** Addresses subscribed to the topic; each must confirm the email AWS sends. @default [] */
  readonly emails?: readonly string[];
}

/**
 * One alarm per region's Route 53 health check (HealthCheckStatus below 1 for a minute: the region is out of DNS),
 * notifying one SNS topic on alarm and on recovery. The topic is not KMS-encrypted: CloudWatch cannot publish to a
 * topic under the AWS-managed SNS key, and the notifications carry no data beyond the alarm itself.
 */
export class HealthCheckAlarms extends Construct {
  readonly topic: SnsTopic;
  readonly alarms: readonly CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: HealthCheckAlarmsProps) {
    super(scope, id);
    const { provider } = props;
    if (provider.region !== ROUTE53_METRICS_REGION) {
      throw new Error(`HealthCheckAlarms needs a ${ROUTE53_METRICS_REGION} provider (Route 53 metrics live there), got ${provider.region}`);
    }

    this.topic = new SnsTopic(this, 'topic', { provider, name: `${props.namePrefix}-health-alarms` });
    // Keyed by address: removing one destroys that subscription only (an index key would replace every later one,
    // and each replaced address must confirm again).
    [...new Set(props.emails ?? [])].forEach((email, index) => {
      const subscription = new SnsTopicSubscription(this, `email-${email}`, {
        provider, topicArn: this.topic.arn, protocol: 'email', endpoint: email,
      });
      // Stacks deployed before keyed by position: the subscription at this position moves here, not replaced.
      // Ignored by Terraform when that address is not in state.
      // Migration shim: delete once every live stack has applied a version keyed by address (no `email-<n>` left in state).
      subscription.moveFromId(formerAddress(this, subscription.terraformResourceType, `email-${index}`));
    });

    this.alarms = props.healthChecks.map(({ region, healthCheckId }) => new CloudwatchMetricAlarm(this, `alarm-${region}`, {
      provider,
      alarmName: `${props.namePrefix}-health-${region}`,
      alarmDescription: `Route 53 health check of ${region} is failing: latency routing sends no traffic to ${region}.`,
      namespace: 'AWS/Route53',
      metricName: 'HealthCheckStatus',
      dimensions: { HealthCheckId: healthCheckId },
      statistic: 'Minimum',
      period: 60,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'LessThanThreshold',
      // No data means the check or its metric is gone: treat that as the failure it probably is.
      treatMissingData: 'breaching',
      alarmActions: [this.topic.arn],
      okActions: [this.topic.arn],
    }));
  }
}

