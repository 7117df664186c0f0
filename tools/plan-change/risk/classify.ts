import { Change, ChangePlanJson, planChanges } from './changes';
import { Finding, RiskRule } from './rule';
import { apiGatewayAccount } from './rules/api-gateway-account';
import { basePathMapping } from './rules/base-path-mapping';
import { certificate } from './rules/certificate';
import { cnameAtZoneApex } from './rules/cname-at-zone-apex';
import { customDomain } from './rules/custom-domain';
import { healthCheck } from './rules/health-check';
import { latencyRecord } from './rules/latency-record';
import { publicNameUnanswered } from './rules/public-name-unanswered';
import { staleStageSnapshot } from './rules/stale-stage-snapshot';

export const RULES: readonly RiskRule[] = [
  staleStageSnapshot, customDomain, certificate, healthCheck, publicNameUnanswered, latencyRecord, cnameAtZoneApex, basePathMapping,
  apiGatewayAccount,
];

export interface Classification {
  readonly changes: readonly Change[];
  readonly findings: readonly Finding[];
  /** True when any finding is an outage. */
  readonly outage: boolean;
}

/** Every change of a plan, and what users would feel from them; an action list it does not know throws UnknownActionError. */
export function classifyPlan(plan: ChangePlanJson, rules: readonly RiskRule[] = RULES): Classification {
  const changes = planChanges(plan);
  const findings = rules.flatMap((rule) => rule.check(changes, plan));
  return { changes, findings, outage: findings.some((f) => f.severity === 'outage') };
}
