import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { ErrorRateConfig } from '../config/types';

/** One API Gateway method's detailed metrics: the dimensions CloudWatch files them under. */
export interface MethodMetrics {
  readonly apiName: string;
  readonly stageName: string;
  /** The resource path, e.g. `/helloworld`. */
  readonly resourcePath: string;
  readonly httpMethod: string;
}

export interface ErrorRateAlarmsProps {
  /** The API's region's provider: API Gateway publishes its metrics in the API's region. */
  readonly provider: AwsProvider;
  /** The region in alarm names and descriptions. */
  readonly region: string;
  readonly namePrefix: string;
  /** The served route's per-method metrics (the stage must enable detailed metrics for that method). */
  readonly metrics: MethodMetrics;
  readonly errorRate: ErrorRateConfig;
}

/**
 * Two alarms on the served route's per-method API Gateway metrics that Route 53 watches together: the share of 5xx
 * answers (`errorRate`), and whether the period had enough requests to judge it (`busy`).
 *
 * Why these metrics: Route 53 evaluates a CLOUDWATCH_METRIC check's data stream itself and stores one metric name and
 * statistic per check, so the alarm must be a single standard-resolution metric with a plain statistic: no metric math
 * (errors / invocations), which is also why the request floor is an alarm of its own. `5XXError` per method counts every
 * answer API Gateway gives on `GET /helloworld` (a throwing or timed-out handler, a throttled or missing function, a
 * broken integration); its Average is the share of 5xx. Per method, so Route 53's probes of the health route never
 * dilute it, while the probe of the served route is counted on purpose: it keeps data flowing while the region is out
 * of DNS, so a fixed region shows a clean period and comes back.
 */
export class ErrorRateAlarms extends Construct {
  readonly errorRate: CloudwatchMetricAlarm;
  readonly busy: CloudwatchMetricAlarm;

  constructor(scope: Construct, id: string, props: ErrorRateAlarmsProps) {
    super(scope, id);
    const { provider, region, namePrefix, metrics, errorRate } = props;
    const common = {
      provider,
      namespace: 'AWS/ApiGateway',
      dimensions: {
        ApiName: metrics.apiName, Stage: metrics.stageName, Resource: metrics.resourcePath, Method: metrics.httpMethod,
      },
      period: errorRate.periodSeconds,
      evaluationPeriods: errorRate.evaluationPeriods,
      datapointsToAlarm: errorRate.evaluationPeriods,
      // A period without requests has no datapoint: no requests failed.
      treatMissingData: 'notBreaching',
    };
    const route = `${metrics.httpMethod} ${metrics.resourcePath}`;
    this.errorRate = new CloudwatchMetricAlarm(this, 'error-rate', {
      ...common,
      alarmName: `${namePrefix}-error-rate-${region}`,
      alarmDescription: `More than ${percent(errorRate.threshold)} of ${route} answers in ${region} were 5xx for `
        + `${errorRate.evaluationPeriods} period(s) of ${errorRate.periodSeconds} s. With at least `
        + `${errorRate.minRequests} requests a period, Route 53 takes ${region} out of DNS.`,
      metricName: '5XXError',
      statistic: 'Average',
      threshold: errorRate.threshold,
      comparisonOperator: 'GreaterThanThreshold',
    });
    this.busy = new CloudwatchMetricAlarm(this, 'busy', {
      ...common,
      alarmName: `${namePrefix}-requests-${region}`,
      alarmDescription: `Not a problem: ALARM means ${route} in ${region} had at least ${errorRate.minRequests} requests `
        + `in each of ${errorRate.evaluationPeriods} period(s), enough for its error rate to count.`,
      metricName: 'Count',
      statistic: 'Sum',
      threshold: errorRate.minRequests,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  }
}

/** 0.05 -> "5%", without binary-fraction noise (0.07 * 100 is 7.000000000000001). */
function percent(share: number): string {
  return `${Number((share * 100).toPrecision(6))}%`;
}
