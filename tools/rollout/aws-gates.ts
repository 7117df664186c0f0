import { CloudWatchClient, DescribeAlarmsCommand, Dimension, GetMetricDataCommand, MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import { GetHealthCheckStatusCommand, Route53Client } from '@aws-sdk/client-route-53';
import { awsCall, CallLimits } from '../aws/call';
import { healthyShare, isHealthy } from '../aws/health-checkers';
import { RegionGateNames } from './region-gates';
import { GateReader, RegionSignals } from './target';

/** The SDK clients the gates read through, each built with tools/aws's bounded client settings. */
export interface AwsGateClients {
  /** CloudWatch in a region: its alarms and API Gateway metrics. */
  cloudWatch(region: string): CloudWatchClient;
  /** Route 53 (global; its API is in us-east-1). */
  readonly route53: Route53Client;
  /** CloudWatch in us-east-1, where Route 53 publishes HealthCheckStatus (the DNS check has no GetHealthCheckStatus). */
  readonly route53Metrics: CloudWatchClient;
}

/** One region's gates: names from the release, check ids from the state. */
export interface AwsRegionGates {
  readonly names: RegionGateNames;
  readonly healthRouteCheckId?: string;
  readonly servedRouteCheckId?: string;
  readonly dnsCheckId?: string;
}

const METRIC_PERIOD_SECONDS = 60;
/** How far back the DNS check's status is read: Route 53 publishes it every minute. */
const DNS_STATUS_WINDOW_MS = 5 * 60_000;

/**
 * Gates on AWS, per region: the error-rate alarm (ALARM fails; the request-count alarm's ALARM only means "busy"),
 * the requests and 5xx API Gateway counted on GET /helloworld since the bake began, Route 53's endpoint checks of the
 * health and served routes, and the DNS check's HealthCheckStatus metric (whether the records answer the region).
 * Every call is bounded by `callTimeoutMs` and stops when the read's signal aborts; a failed call rejects the read.
 */
export function awsGateReader(gates: ReadonlyMap<string, AwsRegionGates>, clients: AwsGateClients, callTimeoutMs: number): GateReader {
  return {
    read: (regions, since, signal) => Promise.all(regions.map((region) => {
      const gate = gates.get(region);
      if (!gate) throw new Error(`no gates known for ${region}`);
      return readRegion(gate, clients, since, { signal, callTimeoutMs });
    })),
  };
}

async function readRegion(gate: AwsRegionGates, clients: AwsGateClients, since: Date, limits: CallLimits): Promise<RegionSignals> {
  const [alarms, healthRoute, servedRoute, dns] = await Promise.all([
    readAlarms(gate.names, clients.cloudWatch(gate.names.region), since, limits),
    readEndpointCheck(gate.healthRouteCheckId, 'health route', clients.route53, limits),
    readEndpointCheck(gate.servedRouteCheckId, 'served route', clients.route53, limits),
    readDnsCheck(gate.dnsCheckId, clients.route53Metrics, limits),
  ]);
  const fired = [...alarms.fired, ...healthRoute.fired, ...servedRoute.fired, ...dns.fired];
  const inDns = dns.inDns ?? (gate.dnsCheckId === undefined ? healthRoute.healthy : undefined);
  return { region: gate.names.region, fired, requests: alarms.requests, failedRequests: alarms.failed, inDns };
}

interface AlarmReading {
  readonly fired: readonly string[];
  readonly requests?: number;
  readonly failed?: number;
}

async function readAlarms(names: RegionGateNames, cloudWatch: CloudWatchClient, since: Date, limits: CallLimits): Promise<AlarmReading> {
  if (!names.errorRateAlarm) return { fired: [] };
  const alarmNames = [names.errorRateAlarm, ...(names.requestCountAlarm ? [names.requestCountAlarm] : [])];
  const { MetricAlarms = [] } = await awsCall(limits, `reading CloudWatch alarms in ${names.region}`,
    (abortSignal) => cloudWatch.send(new DescribeAlarmsCommand({ AlarmNames: alarmNames }), { abortSignal }));
  const errorRate = MetricAlarms.find((alarm) => alarm.AlarmName === names.errorRateAlarm);
  if (!errorRate) return { fired: [`error-rate alarm ${names.errorRateAlarm} does not exist in ${names.region}`] };
  const fired = errorRate.StateValue === 'ALARM' ? [`error-rate alarm ${names.errorRateAlarm} is ALARM (${errorRate.StateReason ?? 'no reason given'})`] : [];
  const counts = await readServedRouteCounts(names.region, errorRate.Namespace ?? 'AWS/ApiGateway', errorRate.Dimensions ?? [], cloudWatch, since, limits);
  return { fired, ...counts };
}

/** Sums of GET /helloworld's Count and 5XXError since `since`, with the alarm's own dimensions. */
async function readServedRouteCounts(
  region: string, namespace: string, dimensions: Dimension[], cloudWatch: CloudWatchClient, since: Date, limits: CallLimits,
): Promise<{ requests: number; failed: number }> {
  const query = (id: string, metricName: string): MetricDataQuery => ({
    Id: id, MetricStat: { Metric: { Namespace: namespace, MetricName: metricName, Dimensions: dimensions }, Period: METRIC_PERIOD_SECONDS, Stat: 'Sum' },
  });
  const { MetricDataResults = [] } = await awsCall(limits, `reading GET /helloworld metrics in ${region}`,
    (abortSignal) => cloudWatch.send(new GetMetricDataCommand({
      MetricDataQueries: [query('requests', 'Count'), query('failed', '5XXError')], StartTime: since, EndTime: new Date(),
    }), { abortSignal }));
  const sum = (id: string) => (MetricDataResults.find((r) => r.Id === id)?.Values ?? []).reduce((total, value) => total + value, 0);
  return { requests: sum('requests'), failed: sum('failed') };
}

async function readEndpointCheck(id: string | undefined, label: string, route53: Route53Client, limits: CallLimits) {
  if (!id) return { fired: [] as string[], healthy: undefined };
  const status = await awsCall(limits, `reading Route 53 health check ${id} (${label})`,
    (abortSignal) => route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: id }), { abortSignal }));
  const observations = status.HealthCheckObservations ?? [];
  // A check Route 53 has not probed yet has no observations: not a failure, not a pass either.
  if (observations.length === 0) return { fired: [], healthy: undefined };
  const healthy = isHealthy(observations);
  const share = Math.round(healthyShare(observations) * 100);
  return { fired: healthy ? [] : [`Route 53 check ${id} of the ${label} is unhealthy (${share}% of ${observations.length} checkers)`], healthy };
}

async function readDnsCheck(id: string | undefined, cloudWatch: CloudWatchClient, limits: CallLimits) {
  if (!id) return { fired: [] as string[], inDns: undefined };
  const now = Date.now();
  const { MetricDataResults = [] } = await awsCall(limits, `reading the status of DNS check ${id}`,
    (abortSignal) => cloudWatch.send(new GetMetricDataCommand({
      MetricDataQueries: [{ Id: 'status', MetricStat: {
        Metric: { Namespace: 'AWS/Route53', MetricName: 'HealthCheckStatus', Dimensions: [{ Name: 'HealthCheckId', Value: id }] },
        Period: METRIC_PERIOD_SECONDS, Stat: 'Minimum',
      } }],
      StartTime: new Date(now - DNS_STATUS_WINDOW_MS), EndTime: new Date(now), ScanBy: 'TimestampDescending',
    }), { abortSignal }));
  const latest = MetricDataResults[0]?.Values?.[0];
  if (latest === undefined) return { fired: [], inDns: undefined };
  return { fired: latest < 1 ? [`DNS check ${id} is unhealthy: the latency records leave the region out`] : [], inDns: latest >= 1 };
}
