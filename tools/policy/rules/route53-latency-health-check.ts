import { block } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';

/** A latency record without a health check keeps sending users to its region after the region fails. */
export const route53LatencyHealthCheck: PolicyRule = {
  id: 'MRA-R53-LATENCY-HEALTH-CHECK',
  description: 'Every Route 53 latency record carries the health check of its region',
  fix: 'Set health_check_id on every aws_route53_record with latency_routing_policy',
  check(stack) {
    const violations: Violation[] = [];
    for (const record of stack.resources('aws_route53_record')) {
      if (!block(record.body.latency_routing_policy)) continue;
      const healthCheck = record.body.health_check_id;
      if (typeof healthCheck !== 'string' || healthCheck.trim() === '') {
        violations.push({ address: record.address, message: `latency record (set_identifier ${JSON.stringify(record.body.set_identifier)}) has no health_check_id` });
      }
    }
    return violations;
  },
};
