import { Change, ChangePlanJson, configAddress } from '../changes';
import { RiskRule } from '../rule';

/** Records that keep pointing at a check: configured with a reference to it, or kept in state with its id. */
function recordsUsing(check: Change, plan: ChangePlanJson): string[] {
  const byReference = (plan.configuration?.root_module?.resources ?? [])
    .filter((r) => (r.expressions?.health_check_id?.references ?? []).some((ref) => ref.startsWith(`${configAddress(check.address)}.`)))
    .map((r) => r.address);
  const checkId = check.before.id;
  const byId = (plan.resource_changes ?? [])
    .filter((r) => r.type === 'aws_route53_record' && !r.change.actions.includes('delete'))
    .filter((r) => checkId !== undefined && (r.change.before as { health_check_id?: unknown } | null)?.health_check_id === checkId
      && (r.change.after as { health_check_id?: unknown } | null)?.health_check_id === checkId)
    .map((r) => configAddress(r.address));
  return [...new Set([...byReference, ...byId])];
}

/**
 * A health check replaced destroy-before-create leaves the records that use it pointing at a deleted check until
 * they are updated; one destroyed while a record keeps it does so for good. Route 53 then cannot fail that
 * region over.
 */
export const healthCheck: RiskRule = {
  id: 'health-check-unsafe-replace',
  check: (changes, plan) => changes.filter((c) => c.type === 'aws_route53_health_check')
    .filter((c) => c.kind === 'replace-destroy-before-create' || c.kind === 'destroy')
    .flatMap((c) => {
      const records = recordsUsing(c, plan);
      if (records.length === 0) return [];
      return [{
        rule: healthCheck.id,
        severity: 'outage' as const,
        scope: c.scope,
        address: c.address,
        message: `health check ${c.kind === 'destroy' ? 'destroyed' : 'replaced destroy-before-create'} while ${records.length} record(s) use it: failover for ${c.scope} breaks`,
      }];
    }),
};
