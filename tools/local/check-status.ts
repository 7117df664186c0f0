import { DerivedCheckModel } from './model';

/** A CloudWatch alarm's state as Route 53 reads it from the metric. */
export type AlarmState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

export interface CheckInputs {
  /** Calculated and CloudWatch-alarm checks, by id. */
  readonly derived: ReadonlyMap<string, DerivedCheckModel>;
  /** An endpoint check's current status; undefined for an id that is not one. */
  endpointHealthy(id: string): boolean | undefined;
  alarmState(alarmId: string): AlarmState;
  /** The status an alarm check last had, for `LastKnownStatus`. @default healthy (Route 53 starts checks healthy) */
  lastKnown?(id: string): boolean | undefined;
}

/**
 * Whether Route 53 holds check `id` healthy: an endpoint check's own status; a CALCULATED check's count of healthy
 * children against its threshold; a CLOUDWATCH_METRIC check's alarm state, or its insufficient-data setting.
 */
export function isCheckHealthy(id: string, inputs: CheckInputs, path: readonly string[] = []): boolean {
  if (path.includes(id)) throw new Error(`health check ${id} contains itself: ${[...path, id].join(' -> ')}`);
  const endpoint = inputs.endpointHealthy(id);
  if (endpoint !== undefined) return endpoint;
  const check = inputs.derived.get(id);
  if (!check) throw new Error(`no health check ${id}`);
  if (check.kind === 'calculated') {
    const healthy = check.childIds.filter((child) => isCheckHealthy(child, inputs, [...path, id])).length;
    return healthy >= check.healthyChildren;
  }
  const state = inputs.alarmState(check.alarmId);
  if (state !== 'INSUFFICIENT_DATA') return state === 'OK';
  if (check.insufficientDataHealthStatus === 'LastKnownStatus') return inputs.lastKnown?.(id) ?? true;
  return check.insufficientDataHealthStatus === 'Healthy';
}

/** The alarms a check reads, itself or through its CALCULATED descendants (ids of aws_cloudwatch_metric_alarm). */
export function alarmsUnder(id: string, derived: ReadonlyMap<string, DerivedCheckModel>, path: readonly string[] = []): string[] {
  const check = derived.get(id);
  if (!check || path.includes(id)) return [];
  if (check.kind === 'alarm') return [check.alarmId];
  return check.childIds.flatMap((child) => alarmsUnder(child, derived, [...path, id]));
}
