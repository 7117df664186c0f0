import { ApiMetricName, ApiMetricScope } from './model';

/** One request an API's method answered, as API Gateway counts it in its metrics. */
export interface ServedRequest {
  readonly stage: string;
  /** The resource path, e.g. `/helloworld`. */
  readonly resource: string;
  readonly method: string;
  readonly status: number;
  /** Epoch ms. */
  readonly at: number;
}

/** One period's values of a metric: CloudWatch's statistics over its samples (one sample per request). */
export interface Datapoint {
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

/** The value of one request in a metric: Count is 1 for every request, 5XXError and 4XXError 1 or 0. */
function sampleOf(metric: ApiMetricName, status: number): number {
  if (metric === '5XXError') return status >= 500 && status < 600 ? 1 : 0;
  if (metric === '4XXError') return status >= 400 && status < 500 ? 1 : 0;
  return 1;
}

function inScope(request: ServedRequest, scope: ApiMetricScope): boolean {
  return (scope.stage === undefined || scope.stage === request.stage)
    && (scope.resource === undefined || (scope.resource === request.resource && scope.method === request.method));
}

/**
 * API Gateway's metrics of one region's API, kept as the requests it answered (only as long as `retainMs`): any
 * alarm's period and dimensions can then be read from them. A period without requests has no datapoint, as in
 * CloudWatch, where API Gateway publishes nothing for a minute without requests.
 */
export class ApiMetrics {
  private readonly requests: ServedRequest[] = [];

  constructor(private readonly retainMs: number, private readonly now: () => number = Date.now) {}

  record(request: ServedRequest): void {
    this.requests.push(request);
    const oldest = this.now() - this.retainMs;
    let stale = 0;
    while (stale < this.requests.length && this.requests[stale].at < oldest) stale += 1;
    if (stale > 0) this.requests.splice(0, stale);
  }

  /** The metric's datapoint over [fromMs, toMs), or undefined when no request of the scope fell in it. */
  datapoint(metric: ApiMetricName, scope: ApiMetricScope, fromMs: number, toMs: number): Datapoint | undefined {
    const samples = this.requests.filter((r) => r.at >= fromMs && r.at < toMs && inScope(r, scope)).map((r) => sampleOf(metric, r.status));
    if (samples.length === 0) return undefined;
    return samples.reduce((point, value) => ({
      sampleCount: point.sampleCount + 1,
      sum: point.sum + value,
      minimum: Math.min(point.minimum, value),
      maximum: Math.max(point.maximum, value),
    }), { sampleCount: 0, sum: 0, minimum: Infinity, maximum: -Infinity });
  }
}
