import { block } from '../../stack-model/references';
import { resourceRule } from './resource-rule';

/** A latency record without a health check keeps sending users to its region after the region fails. */
export const route53LatencyHealthCheck = resourceRule({
  id: 'MRA-R53-LATENCY-HEALTH-CHECK',
  description: 'Every Route 53 latency record carries the health check of its region',
  fix: 'Set health_check_id on every aws_route53_record with latency_routing_policy',
}, 'aws_route53_record', (record) => {
  const healthCheck = record.body.health_check_id;
  if (!block(record.body.latency_routing_policy) || (typeof healthCheck === 'string' && healthCheck.trim() !== '')) return undefined;
  return `latency record (set_identifier ${JSON.stringify(record.body.set_identifier)}) has no health_check_id`;
});
