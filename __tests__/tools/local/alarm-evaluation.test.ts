import { breaches, evaluateAlarm, statisticOf } from '../../../tools/local/alarm-evaluation';
import { Datapoint } from '../../../tools/local/api-metrics';
import { AlarmModel } from '../../../tools/local/model';

/** 10 requests, `errors` of them 5xx: the 5XXError datapoint of one period. */
const errors = (count: number): Datapoint => ({ sampleCount: 10, sum: count, minimum: 0, maximum: count > 0 ? 1 : 0 });
const errorRate: Pick<AlarmModel, 'statistic' | 'comparison' | 'threshold' | 'datapointsToAlarm' | 'treatMissingData'> = {
  statistic: 'Average', comparison: 'GreaterThanThreshold', threshold: 0.05, datapointsToAlarm: 2, treatMissingData: 'notBreaching',
};

test('statistics over one period\'s samples', () => {
  const point = { sampleCount: 4, sum: 1, minimum: 0, maximum: 1 };
  expect(['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum'].map((s) => statisticOf(point, s as AlarmModel['statistic'])))
    .toEqual([0.25, 1, 4, 0, 1]);
});

test.each([
  ['GreaterThanThreshold', [false, false, true]],
  ['GreaterThanOrEqualToThreshold', [false, true, true]],
  ['LessThanThreshold', [true, false, false]],
  ['LessThanOrEqualToThreshold', [true, true, false]],
] as const)('%s against 20: 19, 20, 21', (comparison, expected) => {
  expect([19, 20, 21].map((value) => breaches(value, { comparison, threshold: 20 }))).toEqual(expected);
});

describe('evaluateAlarm, 2 of 2 periods', () => {
  test('ALARM only when both periods breach', () => {
    expect(evaluateAlarm(errorRate, [errors(3), errors(3)], 'OK')).toBe('ALARM');
    expect(evaluateAlarm(errorRate, [errors(0), errors(3)], 'OK')).toBe('OK');
    expect(evaluateAlarm(errorRate, [errors(3), errors(0)], 'ALARM')).toBe('OK');
  });

  test('the threshold is exclusive for GreaterThanThreshold: exactly 5% is not breaching', () => {
    const point = { sampleCount: 20, sum: 1, minimum: 0, maximum: 1 };
    expect(evaluateAlarm(errorRate, [point, point], 'OK')).toBe('OK');
  });

  test('M of N: 2 of 3 breaching periods are enough', () => {
    expect(evaluateAlarm(errorRate, [errors(3), errors(0), errors(3)], 'OK')).toBe('ALARM');
    expect(evaluateAlarm({ ...errorRate, datapointsToAlarm: 3 }, [errors(3), errors(0), errors(3)], 'OK')).toBe('OK');
  });

  test.each([
    ['notBreaching', 'OK', 'OK'],
    ['breaching', 'ALARM', 'ALARM'],
    ['missing', 'INSUFFICIENT_DATA', 'OK'],
    ['ignore', 'OK', 'OK'],
  ] as const)('periods without data, treated as %s: %s (and %s beside one breaching period)', (treatMissingData, none, oneBreaching) => {
    const alarm = { ...errorRate, treatMissingData };
    expect(evaluateAlarm(alarm, [undefined, undefined], 'OK')).toBe(none);
    expect(evaluateAlarm(alarm, [undefined, errors(3)], 'OK')).toBe(oneBreaching);
  });

  test('with "ignore", a range without data keeps the current state', () => {
    expect(evaluateAlarm({ ...errorRate, treatMissingData: 'ignore' }, [undefined, undefined], 'ALARM')).toBe('ALARM');
  });
});
