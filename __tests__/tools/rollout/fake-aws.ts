import { IncomingMessage, ServerResponse } from 'http';
import { FakeHttpServer } from '../../helpers/fake-http-server';

export type Operation = 'DescribeAlarms' | 'GetMetricData' | 'GetHealthCheckStatus';
/** What the fake does with one call: answer, or never answer. */
export type Behaviour = 'answer' | 'hang';

/**
 * CloudWatch (JSON protocol) and Route 53 (REST-XML) as the rollout's gates call them, on 127.0.0.1: alarm states by
 * name, API Gateway counts and Route 53's HealthCheckStatus metric, endpoint checks by id. The region a CloudWatch
 * call was signed for picks which counts it gets. `behave` picks each call's fate from the operation and its count.
 */
export class FakeAws extends FakeHttpServer {
  readonly alarms = new Map<string, { state: string; reason?: string }>();
  /** Region -> GET /helloworld Count and 5XXError sums. */
  readonly counts = new Map<string, { requests: number; failed: number }>();
  /** DNS check id -> latest HealthCheckStatus (1 healthy, 0 not); absent: no data. */
  readonly dnsStatus = new Map<string, number>();
  /** Endpoint check id -> healthy. */
  readonly checks = new Map<string, boolean>();
  readonly calls: Record<Operation, number> = { DescribeAlarms: 0, GetMetricData: 0, GetHealthCheckStatus: 0 };
  behave: (operation: Operation, call: number) => Behaviour = () => 'answer';

  protected async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of request) body += (chunk as Buffer).toString('utf8');
    const target = String(request.headers['x-amz-target'] ?? '');
    const status = /^\/2013-04-01\/healthcheck\/([^/]+)\/status/.exec(request.url ?? '');
    const operation: Operation | undefined = target.endsWith('.DescribeAlarms') ? 'DescribeAlarms'
      : target.endsWith('.GetMetricData') ? 'GetMetricData' : status ? 'GetHealthCheckStatus' : undefined;
    if (!operation) {
      response.writeHead(404).end(`fake AWS does not know ${request.method} ${request.url} ${target}`);
      return;
    }
    if (this.behave(operation, ++this.calls[operation]) === 'hang') return;
    if (operation === 'GetHealthCheckStatus') {
      response.writeHead(200, { 'Content-Type': 'text/xml' }).end(statusXml(this.checks.get(decodeURIComponent(status![1])) ?? true));
      return;
    }
    const input = JSON.parse(body) as Record<string, unknown>;
    const region = /Credential=[^/]+\/\d+\/([^/]+)\//.exec(String(request.headers.authorization))?.[1] ?? 'us-east-1';
    const answer = operation === 'DescribeAlarms' ? this.describeAlarms(input) : this.metricData(input, region);
    response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end(JSON.stringify(answer));
  }

  private describeAlarms(input: Record<string, unknown>) {
    const names = (input.AlarmNames as string[]) ?? [];
    return {
      MetricAlarms: names.filter((name) => this.alarms.has(name)).map((name) => ({
        AlarmName: name, StateValue: this.alarms.get(name)!.state, StateReason: this.alarms.get(name)!.reason,
        Namespace: 'AWS/ApiGateway', MetricName: name.includes('error-rate') ? '5XXError' : 'Count',
        Dimensions: [{ Name: 'ApiName', Value: 'multi-region-api' }, { Name: 'Method', Value: 'GET' }],
      })),
    };
  }

  private metricData(input: Record<string, unknown>, region: string) {
    const queries = input.MetricDataQueries as Array<{ Id: string; MetricStat: { Metric: { MetricName: string; Dimensions: Array<{ Value: string }> } } }>;
    const now = Math.floor(Date.now() / 1000);
    return {
      MetricDataResults: queries.map((query) => {
        const { MetricName, Dimensions } = query.MetricStat.Metric;
        const value = MetricName === 'HealthCheckStatus' ? this.dnsStatus.get(Dimensions[0].Value)
          : MetricName === 'Count' ? this.counts.get(region)?.requests : this.counts.get(region)?.failed;
        return { Id: query.Id, StatusCode: 'Complete', Timestamps: value === undefined ? [] : [now], Values: value === undefined ? [] : [value] };
      }),
    };
  }
}

function statusXml(healthy: boolean): string {
  const status = healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: HTTP Status Code 502, Bad Gateway';
  const observation = (i: number) => `<HealthCheckObservation><Region>us-east-1</Region><IPAddress>10.0.0.${i}</IPAddress>`
    + `<StatusReport><Status>${status}</Status><CheckedTime>2026-01-01T00:00:00Z</CheckedTime></StatusReport></HealthCheckObservation>`;
  return `<?xml version="1.0"?><GetHealthCheckStatusResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><HealthCheckObservations>`
    + `${Array.from({ length: 8 }, (_, i) => observation(i)).join('')}</HealthCheckObservations></GetHealthCheckStatusResponse>`;
}
