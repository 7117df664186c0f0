import { resourceRule } from './resource-rule';

/** Route 53 publishes health-check metrics only in us-east-1; an alarm anywhere else never leaves INSUFFICIENT_DATA. */
export const route53AlarmRegion = resourceRule({
  id: 'MRA-R53-ALARM-REGION',
  description: 'Alarms on AWS/Route53 metrics live in us-east-1, the only region with those metrics',
  fix: 'Create the aws_cloudwatch_metric_alarm through a provider whose region is us-east-1',
}, 'aws_cloudwatch_metric_alarm', (alarm, stack) => {
  const region = stack.regionOf(alarm);
  if (alarm.body.namespace !== 'AWS/Route53' || region === 'us-east-1') return undefined;
  return `is in ${region ?? `an unknown region (provider ${alarm.body.provider ?? 'default'})`}`;
});
