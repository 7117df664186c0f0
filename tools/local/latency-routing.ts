import { LatencyRecordModel } from './model';

/**
 * The records latency routing chooses among: those whose health check is healthy (or that have none); when no record
 * is healthy Route 53 fails open and treats them all as healthy.
 */
export function answerSet(
  records: readonly LatencyRecordModel[],
  isHealthy: (healthCheckId: string) => boolean,
): readonly LatencyRecordModel[] {
  const healthy = records.filter((record) => !record.healthCheckId || isHealthy(record.healthCheckId));
  return healthy.length > 0 ? healthy : records;
}

/**
 * The record Route 53 latency routing answers with: among the answer set, the one whose latency region comes first in
 * `latencyOrder` (the client's nearest region first).
 */
export function chooseRecord(
  records: readonly LatencyRecordModel[],
  latencyOrder: readonly string[],
  isHealthy: (healthCheckId: string) => boolean,
): LatencyRecordModel | undefined {
  const candidates = answerSet(records, isHealthy);
  const rank = (record: LatencyRecordModel) => {
    const position = latencyOrder.indexOf(record.latencyRegion);
    return position < 0 ? latencyOrder.length : position;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

/** `--latency-order a,b`: every name must be a region of the stack; regions left out keep their config order after. */
export function latencyOrder(requested: readonly string[], regions: readonly string[]): string[] | { unknown: string } {
  const unknown = requested.find((region) => !regions.includes(region));
  if (unknown !== undefined) return { unknown };
  return [...requested, ...regions.filter((region) => !requested.includes(region))];
}
