import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { Construct } from 'constructs';
import { healthCheckTags } from '../aws/route53';

export interface AlarmHealthCheckProps {
  /** Route 53 is global; the region's provider keeps every regional resource on its own provider. */
  readonly provider: AwsProvider;
  readonly alarm: CloudwatchMetricAlarm;
  /** The alarm's region (Route 53 reads the metric there). */
  readonly alarmRegion: string;
  /** The health check's `Name` tag. */
  readonly name: string;
  /** The status while the metric has too little data to judge. */
  readonly insufficientDataHealthStatus: 'Healthy' | 'Unhealthy' | 'LastKnownStatus';
}

/** A CLOUDWATCH_METRIC Route 53 health check: unhealthy while Route 53 sees the alarm's condition in its metric. */
export class AlarmHealthCheck extends Construct {
  readonly resource: Route53HealthCheck;

  constructor(scope: Construct, id: string, props: AlarmHealthCheckProps) {
    super(scope, id);
    this.resource = new Route53HealthCheck(this, 'health-check', {
      provider: props.provider,
      type: 'CLOUDWATCH_METRIC',
      cloudwatchAlarmName: props.alarm.alarmName,
      cloudwatchAlarmRegion: props.alarmRegion,
      insufficientDataHealthStatus: props.insufficientDataHealthStatus,
      tags: healthCheckTags(props.name),
      // A calculated check lists this one: it moves to a replacement before this one is deleted.
      lifecycle: { createBeforeDestroy: true },
    });
  }

  get healthCheckId(): string {
    return this.resource.id;
  }
}
