import { logRetention } from '../../../../tools/policy/rules/log-retention';
import { fixture, violationsOf } from '../../../helpers/policy';

describe('MRA-LOGS-RETENTION', () => {
  test('a log group with retention complies', () => {
    expect(violationsOf(logRetention, fixture({ aws_cloudwatch_log_group: { g: { name: '/x', retention_in_days: 14 } } }))).toEqual([]);
  });

  test('unset or 0 (never expire) retention is reported', () => {
    const stack = fixture({ aws_cloudwatch_log_group: { unset: { name: '/a' }, zero: { name: '/b', retention_in_days: 0 } } });
    expect(violationsOf(logRetention, stack)).toEqual([
      ['aws_cloudwatch_log_group.unset', 'retention_in_days is unset (never expire)'],
      ['aws_cloudwatch_log_group.zero', 'retention_in_days is 0 (never expire)'],
    ]);
  });
});
