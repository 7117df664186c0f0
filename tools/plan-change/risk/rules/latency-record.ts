import { Change } from '../changes';
import { recordNames } from '../record-names';
import { RiskRule } from '../rule';

const isLatencyRecord = (c: Change) => c.type === 'aws_route53_record'
  && Array.isArray(c.before.latency_routing_policy) && c.before.latency_routing_policy.length > 0;

/**
 * A latency record leaving the answer set moves that region's clients to another region (for good, or for a while).
 * When no record of the name is left, nobody is moved anywhere: public-name-unanswered reports that outage instead.
 */
export const latencyRecord: RiskRule = {
  id: 'latency-record-removed',
  check: (changes, plan) => {
    const unanswered = new Set(recordNames(plan).filter((name) => name.kept.length === 0).flatMap((name) => name.deleted.map((r) => r.address)));
    return changes.filter(isLatencyRecord)
      .filter((c) => (c.kind === 'destroy' || c.kind === 'replace-destroy-before-create') && !unanswered.has(c.address))
      .map((c) => ({
        rule: latencyRecord.id,
        severity: 'warning' as const,
        scope: c.scope,
        address: c.address,
        message: c.kind === 'destroy'
          ? `latency record for ${c.scope} destroyed: its clients shift to other regions`
          : `latency record for ${c.scope} replaced destroy-before-create: its clients shift away during the apply`,
      }));
  },
};
