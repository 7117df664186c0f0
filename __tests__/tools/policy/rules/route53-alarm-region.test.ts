import { route53AlarmRegion } from '../../../../tools/policy/rules/route53-alarm-region';
import { fixture, violationsOf } from '../../../helpers/policy';

const alarm = (provider: string, namespace = 'AWS/Route53') => ({ provider, namespace, metric_name: 'HealthCheckStatus' });

describe('MRA-R53-ALARM-REGION', () => {
  test('a Route 53 alarm through a us-east-1 provider (any alias) complies; other namespaces may be anywhere', () => {
    const stack = fixture({
      aws_cloudwatch_metric_alarm: { a: alarm('aws.us-east-1-monitoring'), other: alarm('aws.us-west-2', 'AWS/Lambda') },
    }, {}, [{ region: 'us-east-1', alias: 'us-east-1-monitoring' }, 'us-west-2']);
    expect(violationsOf(route53AlarmRegion, stack)).toEqual([]);
  });

  test('a Route 53 alarm in another region is reported', () => {
    expect(violationsOf(route53AlarmRegion, fixture({ aws_cloudwatch_metric_alarm: { a: alarm('aws.us-west-2') } }))).toEqual([
      ['aws_cloudwatch_metric_alarm.a', 'is in us-west-2'],
    ]);
  });
});
