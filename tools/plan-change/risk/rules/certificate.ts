import { Finding, RiskRule } from '../rule';

/**
 * A certificate in use by a custom domain: replaced create-before-destroy means a new one must validate first (a
 * TLS risk to watch); replaced destroy-before-create, or destroyed while the domain is kept, breaks TLS (outage).
 */
export const certificate: RiskRule = {
  id: 'certificate-replaced',
  check: (changes) => changes.filter((c) => c.type === 'aws_acm_certificate').flatMap((c): Finding[] => {
    const domainKept = !changes.some((d) => d.scope === c.scope && d.type === 'aws_api_gateway_domain_name' && d.kind === 'destroy');
    if (c.kind === 'replace-create-before-destroy') {
      return [{ rule: certificate.id, severity: 'warning' as const, scope: c.scope, address: c.address,
        message: `certificate replaced (${c.attributes.join(', ')}): the new one must validate before the domain switches to it (TLS risk)` }];
    }
    if (c.kind === 'replace-destroy-before-create' || (c.kind === 'destroy' && domainKept)) {
      return [{ rule: certificate.id, severity: 'outage' as const, scope: c.scope, address: c.address,
        message: `certificate ${c.kind === 'destroy' ? 'destroyed' : 'destroyed before its replacement exists'} while the custom domain in ${c.scope} serves TLS with it` }];
    }
    return [];
  }),
};
