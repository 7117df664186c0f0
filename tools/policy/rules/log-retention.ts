import { resourceRule } from './resource-rule';

export const logRetention = resourceRule({
  id: 'MRA-LOGS-RETENTION',
  description: 'Every CloudWatch log group has a retention period (the default keeps logs, and their cost, forever)',
  fix: 'Set retention_in_days on aws_cloudwatch_log_group (config lambda.logRetentionDays)',
}, 'aws_cloudwatch_log_group', (group) => {
  const days = group.body.retention_in_days;
  return days === undefined || days === 0 || days === '0' ? `retention_in_days is ${days === undefined ? 'unset' : '0'} (never expire)` : undefined;
});
