import { Change } from '../changes';
import { RiskRule } from '../rule';

const isLatencyRecord = (c: Change) => c.type === 'aws_route53_record'
  && Array.isArray(c.before.latency_routing_policy) && c.before.latency_routing_policy.length > 0;

/** A latency record leaving the answer set moves that region's clients to another region (for good, or for a while). */
export const latencyRecord: RiskRule = {
  id: 'latency-record-removed',
  check: (changes) => changes.filter(isLatencyRecord)
    .filter((c) => c.kind === 'destroy' || c.kind === 'replace-destroy-before-create')
    .map((c) => ({
      rule: latencyRecord.id,
      severity: 'warning' as const,
      scope: c.scope,
      address: c.address,
      message: c.kind === 'destroy'
        ? `latency record for ${c.scope} destroyed: its clients shift to other regions`
        : `latency record for ${c.scope} replaced destroy-before-create: its clients shift away during the apply`,
    })),
};
