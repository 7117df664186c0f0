import { GLOBAL_SCOPE } from '../changes';
import { isLatencyRouted, recordNames } from '../record-names';
import { RiskRule } from '../rule';

/**
 * Route 53 refuses a CNAME at a zone's apex (the zone's own name holds its SOA and NS records), and whether the
 * public name is the apex of its hosted zone is not in the plan (only the zone's id is): every CNAME latency record
 * the apply creates gets a warning naming that condition.
 */
export const cnameAtZoneApex: RiskRule = {
  id: 'cname-at-zone-apex',
  check: (_, plan) => recordNames(plan).flatMap((name) => {
    const cnames = name.created.filter((r) => r.after?.type === 'CNAME' && isLatencyRouted(r.after));
    if (cnames.length === 0) return [];
    return [{
      rule: cnameAtZoneApex.id,
      severity: 'warning' as const,
      scope: GLOBAL_SCOPE,
      address: cnames[0].address,
      message: `${name.name}: ${cnames.length} CNAME latency record(s) created in zone ${name.zoneId}; if ${name.name} is that zone's own `
        + 'name (its apex), Route 53 refuses them and the apply fails: there, use dns.recordType "ALIAS" (the default)',
    }];
  }),
};
