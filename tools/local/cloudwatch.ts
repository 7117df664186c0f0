import { evaluateAlarm, statisticOf } from './alarm-evaluation';
import { ApiMetrics, Datapoint, ServedRequest } from './api-metrics';
import { AlarmState } from './check-status';
import { AlarmModel, ApiMetricName, ApiMetricScope } from './model';

export interface AlarmTransition {
  readonly alarm: AlarmModel;
  readonly state: AlarmState;
  /** The newest period's value under the alarm's statistic; undefined when it had no datapoint. */
  readonly value?: number;
}

export interface LocalCloudWatchProps {
  /** The alarms to evaluate, by logical id. */
  readonly alarms: ReadonlyMap<string, AlarmModel>;
  /** Periods are divided by this. */
  readonly timeScale: number;
  /**
   * Seconds (before scaling) between a period's end and the state Route 53 acts on: API Gateway's datapoints reach
   * CloudWatch about a minute late and Route 53 reads the metric on its own schedule (METRIC_CHECK_REACTION_SECONDS).
   */
  readonly reactionSeconds: number;
  readonly onTransition?: (transition: AlarmTransition) => void;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * CloudWatch for the alarms Route 53 reads: each region's API publishes every request it answers (`publish`), and each
 * alarm is evaluated once a period, `reactionSeconds` after the period ends, over its last `evaluationPeriods` periods.
 * Periods count from `start()`; alarms start in INSUFFICIENT_DATA, as new CloudWatch alarms do.
 */
export class LocalCloudWatch {
  private readonly metrics = new Map<string, ApiMetrics>();
  private readonly states = new Map<string, AlarmState>();
  private readonly decided = new Map<string, AlarmState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly now: () => number;
  private startedAt = 0;

  constructor(private readonly props: LocalCloudWatchProps) {
    this.now = props.now ?? Date.now;
  }

  /** One request answered by a method of the API in `region` (API Gateway's metrics). */
  publish(region: string, request: ServedRequest): void {
    if (this.props.alarms.size === 0) return;
    let metrics = this.metrics.get(region);
    if (!metrics) {
      // Long enough for every alarm's evaluation range, evaluated one reaction time after its last period.
      const retainMs = Math.max(...[...this.props.alarms.values()].map((a) => (a.evaluationPeriods + 2) * this.periodMs(a))) + this.reactionMs;
      metrics = new ApiMetrics(retainMs, this.now);
      this.metrics.set(region, metrics);
    }
    metrics.record(request);
  }

  start(): void {
    this.startedAt = this.now();
    for (const alarm of this.props.alarms.values()) this.schedule(alarm, 0);
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  /** The alarm's state as Route 53 reads it now. */
  state(alarmId: string): AlarmState {
    return this.states.get(alarmId) ?? 'INSUFFICIENT_DATA';
  }

  /** The alarm's last OK or ALARM state, for a check whose insufficient data means `LastKnownStatus`. */
  lastKnown(alarmId: string): AlarmState | undefined {
    return this.decided.get(alarmId);
  }

  /** A metric's datapoint over the last complete period of `periodSeconds` (no reaction delay: what a graph shows). */
  lastPeriod(metric: ApiMetricName, scope: ApiMetricScope, periodSeconds: number): Datapoint | undefined {
    const periodMs = (periodSeconds * 1000) / this.props.timeScale;
    const index = Math.floor((this.now() - this.startedAt) / periodMs) - 1;
    return index < 0 ? undefined : this.datapoint(metric, scope, periodMs, index);
  }

  private get reactionMs(): number {
    return (this.props.reactionSeconds * 1000) / this.props.timeScale;
  }

  private periodMs(alarm: AlarmModel): number {
    return (alarm.periodSeconds * 1000) / this.props.timeScale;
  }

  private datapoint(metric: ApiMetricName, scope: ApiMetricScope, periodMs: number, index: number): Datapoint | undefined {
    const from = this.startedAt + index * periodMs;
    return this.metrics.get(scope.region)?.datapoint(metric, scope, from, from + periodMs);
  }

  /** Evaluates period `index` (and the ones before it) when Route 53 would act on it, then schedules the next. */
  private schedule(alarm: AlarmModel, index: number): void {
    const periodMs = this.periodMs(alarm);
    const dueAt = this.startedAt + (index + 1) * periodMs + this.reactionMs;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.evaluate(alarm, index);
      this.schedule(alarm, index + 1);
    }, Math.max(0, dueAt - this.now()));
    this.timers.add(timer);
  }

  private evaluate(alarm: AlarmModel, newest: number): void {
    const periodMs = this.periodMs(alarm);
    const points = Array.from({ length: alarm.evaluationPeriods }, (_, i) => newest - alarm.evaluationPeriods + 1 + i)
      .map((index) => (index < 0 ? undefined : this.datapoint(alarm.metricName, alarm.scope, periodMs, index)));
    const before = this.state(alarm.id);
    const state = evaluateAlarm(alarm, points, before);
    this.states.set(alarm.id, state);
    if (state !== 'INSUFFICIENT_DATA') this.decided.set(alarm.id, state);
    const last = points[points.length - 1];
    if (state !== before) this.props.onTransition?.({ alarm, state, value: last && statisticOf(last, alarm.statistic) });
  }
}
