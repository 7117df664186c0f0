import { isReplace } from '../changes';
import { RiskRule } from '../rule';

/**
 * A regional custom domain gets a new regional endpoint when replaced (the alias records point at the old one until
 * they are updated) and serves nothing once destroyed while its records are kept.
 */
export const customDomain: RiskRule = {
  id: 'custom-domain-replaced',
  check: (changes) => changes.filter((c) => c.type === 'aws_api_gateway_domain_name').filter((c) => {
    if (isReplace(c)) return true;
    const recordsKept = !changes.some((r) => r.scope === c.scope && r.type === 'aws_route53_record' && r.kind === 'destroy');
    return c.kind === 'destroy' && recordsKept;
  }).map((c) => ({
    rule: customDomain.id,
    severity: 'outage' as const,
    scope: c.scope,
    address: c.address,
    message: c.kind === 'destroy'
      ? `custom domain destroyed while ${c.scope}'s records still send traffic to it`
      : `custom domain replaced (${c.attributes.join(', ')}): requests to ${c.scope} fail until DNS follows the new endpoint`,
  })),
};
