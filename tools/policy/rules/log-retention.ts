import { PolicyRule, Violation } from '../types';

export const logRetention: PolicyRule = {
  id: 'MRA-LOGS-RETENTION',
  description: 'Every CloudWatch log group has a retention period (the default keeps logs, and their cost, forever)',
  fix: 'Set retention_in_days on aws_cloudwatch_log_group (config lambda.logRetentionDays)',
  check(stack) {
    const violations: Violation[] = [];
    for (const group of stack.resources('aws_cloudwatch_log_group')) {
      const days = group.body.retention_in_days;
      if (days === undefined || days === 0 || days === '0') {
        violations.push({ address: group.address, message: `retention_in_days is ${days === undefined ? 'unset' : '0'} (never expire)` });
      }
    }
    return violations;
  },
};
