import { AlarmTransition, LocalCloudWatch } from '../../../tools/local/cloudwatch';
import { AlarmModel } from '../../../tools/local/model';

const scope = { region: 'us-east-1', stage: 'prod', resource: '/helloworld', method: 'GET' };
const errorRate: AlarmModel = {
  id: 'error-rate', alarmName: 'api-error-rate-us-east-1', metricName: '5XXError', scope, statistic: 'Average', periodSeconds: 60,
  evaluationPeriods: 2, datapointsToAlarm: 2, threshold: 0.05, comparison: 'GreaterThanThreshold', treatMissingData: 'notBreaching',
};
const lastKnownCheck: AlarmModel = { ...errorRate, id: 'strict', alarmName: 'strict', treatMissingData: 'missing' };

describe('LocalCloudWatch: an alarm evaluated once a period, Route 53\'s reaction time after the period ends', () => {
  const transitions: AlarmTransition[] = [];
  let cloudWatch: LocalCloudWatch;
  /** `count` requests at `at` seconds, `failed` of them 502. */
  const requests = (at: number, count: number, failed: number) => {
    for (let i = 0; i < count; i++) cloudWatch.publish('us-east-1', { stage: 'prod', resource: '/helloworld', method: 'GET', status: i < failed ? 502 : 200, at: at * 1000 });
  };

  beforeAll(() => {
    jest.useFakeTimers({ now: 0 });
    cloudWatch = new LocalCloudWatch({
      alarms: new Map([[errorRate.id, errorRate], [lastKnownCheck.id, lastKnownCheck]]),
      timeScale: 1, reactionSeconds: 60, onTransition: (t) => transitions.push(t),
    });
    cloudWatch.start();
  });
  afterAll(() => {
    cloudWatch.stop();
    jest.useRealTimers();
  });

  test('a new alarm has no data, until its first period has been evaluated', () => {
    requests(10, 30, 0);
    jest.advanceTimersByTime(119_000);
    expect(cloudWatch.state('error-rate')).toBe('INSUFFICIENT_DATA');
    expect(cloudWatch.lastPeriod('5XXError', scope, 60)).toEqual({ sampleCount: 30, sum: 0, minimum: 0, maximum: 0 });
    jest.advanceTimersByTime(1000);
    expect(cloudWatch.state('error-rate')).toBe('OK');
  });

  test('two failing periods: ALARM one reaction time after the second ends, not before', () => {
    requests(70, 30, 9);
    requests(130, 30, 9);
    jest.advanceTimersByTime(59_000); // 179 s
    expect(cloudWatch.state('error-rate')).toBe('OK');
    jest.advanceTimersByTime(1000); // 180 s: period 60-120 s evaluated
    expect(cloudWatch.state('error-rate')).toBe('OK');
    jest.advanceTimersByTime(60_000); // 240 s: periods 60-120 and 120-180 s
    expect(cloudWatch.state('error-rate')).toBe('ALARM');
    expect(transitions.filter((t) => t.alarm.id === 'error-rate').map((t) => [t.state, t.value])).toEqual([['OK', 0], ['ALARM', 0.3]]);
  });

  test('a period without requests is not breaching: one clean period brings it back to OK', () => {
    jest.advanceTimersByTime(60_000); // 300 s: periods 120-180 (failing) and 180-240 (no data)
    expect(cloudWatch.state('error-rate')).toBe('OK');
  });

  test('treated as missing, no data is INSUFFICIENT_DATA, and the last decided state is remembered', () => {
    jest.advanceTimersByTime(60_000); // 360 s: periods 180-240 and 240-300, both empty
    expect(cloudWatch.state('strict')).toBe('INSUFFICIENT_DATA');
    expect(cloudWatch.lastKnown('strict')).toBe('OK');
    expect(cloudWatch.lastKnown('error-rate')).toBe('OK');
  });
});
