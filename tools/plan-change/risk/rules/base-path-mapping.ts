import { isReplace } from '../changes';
import { RiskRule } from '../rule';

/** Without its base path mapping a custom domain answers 403/404 for every path: replaced or destroyed is an outage. */
export const basePathMapping: RiskRule = {
  id: 'base-path-mapping-removed',
  check: (changes) => changes.filter((c) => c.type === 'aws_api_gateway_base_path_mapping')
    .filter((c) => isReplace(c) || (c.kind === 'destroy'
      && !changes.some((d) => d.scope === c.scope && d.type === 'aws_api_gateway_domain_name' && d.kind === 'destroy')))
    .map((c) => ({
      rule: basePathMapping.id,
      severity: 'outage' as const,
      scope: c.scope,
      address: c.address,
      message: `base path mapping ${c.kind === 'destroy' ? 'destroyed' : `replaced (${c.attributes.join(', ')})`}: the custom domain in ${c.scope} stops routing to the API`,
    })),
};
