import { PolicyRule, Violation } from '../types';

/** Route 53 publishes health-check metrics only in us-east-1; an alarm anywhere else never leaves INSUFFICIENT_DATA. */
export const route53AlarmRegion: PolicyRule = {
  id: 'MRA-R53-ALARM-REGION',
  description: 'Alarms on AWS/Route53 metrics live in us-east-1, the only region with those metrics',
  fix: 'Create the aws_cloudwatch_metric_alarm through a provider whose region is us-east-1',
  check(stack) {
    const violations: Violation[] = [];
    for (const alarm of stack.resources('aws_cloudwatch_metric_alarm')) {
      if (alarm.body.namespace !== 'AWS/Route53') continue;
      const provider = typeof alarm.body.provider === 'string' ? alarm.body.provider : undefined;
      const region = stack.regionOf(alarm);
      if (region !== 'us-east-1') {
        violations.push({ address: alarm.address, message: `is in ${region ?? `an unknown region (provider ${provider ?? 'default'})`}` });
      }
    }
    return violations;
  },
};
