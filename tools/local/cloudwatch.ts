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
  /** The alarms to evaluate, by logical id (a release changes them: `replaceAlarms`). */
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
  private readonly alarms: Map<string, AlarmModel>;
  private readonly metrics = new Map<string, ApiMetrics>();
  private readonly states = new Map<string, AlarmState>();
  private readonly decided = new Map<string, AlarmState>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly now: () => number;
  private startedAt: number | undefined;

  constructor(private readonly props: LocalCloudWatchProps) {
    this.now = props.now ?? Date.now;
    this.alarms = new Map(props.alarms);
  }

  /** One request answered by a method of the API in `region` (API Gateway's metrics, kept whatever the alarms). */
  publish(region: string, request: ServedRequest): void {
    let metrics = this.metrics.get(region);
    if (!metrics) {
      metrics = new ApiMetrics(() => this.retainMs(), this.now);
      this.metrics.set(region, metrics);
    }
    metrics.record(request);
  }

  start(): void {
    this.startedAt = this.now();
    for (const alarm of this.alarms.values()) this.schedule(alarm.id, 0);
  }

  stop(): void {
    this.timers.forEach((timer) => clearTimeout(timer));
    this.timers.clear();
  }

  /**
   * The alarms a release declares, as PutMetricAlarm would set them: a new alarm starts in INSUFFICIENT_DATA and is
   * first evaluated at the end of the current period; a changed one keeps its state and takes the new definition from
   * its next evaluation; a removed one is deleted. The metrics stay as they were (they belong to the API, not to an
   * alarm), so an alarm judges the periods before the change too.
   */
  replaceAlarms(alarms: ReadonlyMap<string, AlarmModel>): void {
    for (const id of [...this.alarms.keys()].filter((known) => !alarms.has(known))) {
      clearTimeout(this.timers.get(id));
      this.timers.delete(id);
      this.alarms.delete(id);
      this.states.delete(id);
      this.decided.delete(id);
    }
    for (const [id, alarm] of alarms) {
      const before = this.alarms.get(id);
      if (before && JSON.stringify(before) === JSON.stringify(alarm)) continue;
      this.alarms.set(id, alarm);
      if (before && before.periodSeconds === alarm.periodSeconds) continue;
      clearTimeout(this.timers.get(id));
      if (this.startedAt !== undefined) this.schedule(id, Math.floor((this.now() - this.startedAt) / this.periodMs(alarm)));
    }
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
    if (this.startedAt === undefined) return undefined;
    const periodMs = (periodSeconds * 1000) / this.props.timeScale;
    const index = Math.floor((this.now() - this.startedAt) / periodMs) - 1;
    return index < 0 ? undefined : this.datapoint(metric, scope, periodMs, index);
  }

  /** Long enough for every alarm's evaluation range, evaluated one reaction time after its last period. */
  private retainMs(): number {
    return Math.max(0, ...[...this.alarms.values()].map((a) => (a.evaluationPeriods + 2) * this.periodMs(a))) + this.reactionMs;
  }

  private get reactionMs(): number {
    return (this.props.reactionSeconds * 1000) / this.props.timeScale;
  }

  private periodMs(alarm: AlarmModel): number {
    return (alarm.periodSeconds * 1000) / this.props.timeScale;
  }

  private datapoint(metric: ApiMetricName, scope: ApiMetricScope, periodMs: number, index: number): Datapoint | undefined {
    const from = this.startedAt! + index * periodMs;
    return this.metrics.get(scope.region)?.datapoint(metric, scope, from, from + periodMs);
  }

  /** Evaluates period `index` (and the ones before it) when Route 53 would act on it, then schedules the next. */
  private schedule(id: string, index: number): void {
    const dueAt = this.startedAt! + (index + 1) * this.periodMs(this.alarms.get(id)!) + this.reactionMs;
    this.timers.set(id, setTimeout(() => {
      this.evaluate(this.alarms.get(id)!, index);
      this.schedule(id, index + 1);
    }, Math.max(0, dueAt - this.now())));
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
