import { Datapoint } from './api-metrics';
import { AlarmState } from './check-status';
import { AlarmModel } from './model';

/** A datapoint's value under the alarm's statistic. */
export function statisticOf(point: Datapoint, statistic: AlarmModel['statistic']): number {
  switch (statistic) {
    case 'Average': return point.sum / point.sampleCount;
    case 'Sum': return point.sum;
    case 'SampleCount': return point.sampleCount;
    case 'Minimum': return point.minimum;
    case 'Maximum': return point.maximum;
  }
}

/** Whether a value breaches the alarm's threshold under its comparison operator. */
export function breaches(value: number, alarm: Pick<AlarmModel, 'comparison' | 'threshold'>): boolean {
  switch (alarm.comparison) {
    case 'GreaterThanThreshold': return value > alarm.threshold;
    case 'GreaterThanOrEqualToThreshold': return value >= alarm.threshold;
    case 'LessThanThreshold': return value < alarm.threshold;
    case 'LessThanOrEqualToThreshold': return value <= alarm.threshold;
  }
}

/**
 * CloudWatch's state for an alarm after its last `evaluationPeriods` periods (`points`, oldest first; undefined where
 * a period had no datapoint): ALARM when at least `datapointsToAlarm` of them breach, missing ones counted as
 * `treatMissingData` says. With `missing`, a range without any datapoint is INSUFFICIENT_DATA; with `ignore` it keeps
 * `current`. (CloudWatch also looks further back than the range when datapoints are missing; not emulated.)
 */
export function evaluateAlarm(
  alarm: Pick<AlarmModel, 'statistic' | 'comparison' | 'threshold' | 'datapointsToAlarm' | 'treatMissingData'>,
  points: ReadonlyArray<Datapoint | undefined>,
  current: AlarmState,
): AlarmState {
  const verdicts = points.map((point) => {
    if (point) return breaches(statisticOf(point, alarm.statistic), alarm);
    if (alarm.treatMissingData === 'breaching') return true;
    return alarm.treatMissingData === 'notBreaching' ? false : undefined;
  });
  if (verdicts.every((verdict) => verdict === undefined)) {
    return alarm.treatMissingData === 'ignore' ? current : 'INSUFFICIENT_DATA';
  }
  return verdicts.filter((verdict) => verdict === true).length >= alarm.datapointsToAlarm ? 'ALARM' : 'OK';
}
