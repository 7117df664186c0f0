import { parseExecuteApiHost } from '../../../src/aws/api-gateway';
import { block, referencesIn } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';
import { StackResource } from '../../stack-model/stack-model';

/** Resource types of global services: they have no region, so any provider may manage them. */
const GLOBAL_TYPE = /^aws_(iam_|route53_(?!resolver)|cloudfront_|organizations_)/;

/**
 * Each region's resources go through that region's provider, so a region is added or removed as a unit and never
 * half-built in another region. Checked from three sides: a provider's alias names its region; a regional resource is
 * bound to an aliased provider; and whatever a resource refers to that is regional lives in the same region, including
 * the target of a latency record and the execute-api host a health check probes.
 */
export const regionProvider: PolicyRule = {
  id: 'MRA-REGION-PROVIDER',
  description: 'Every regional resource uses its region\'s provider (alias = region, or region-<purpose>) and refers '
    + 'only to resources of the same region',
  fix: 'Pass the provider aliased to the resource\'s region (e.g. provider "aws.us-west-2") to the construct that makes it',
  check(stack) {
    const violations: Violation[] = [];
    for (const provider of stack.awsProviders) {
      const region = String(provider.region ?? '');
      if (provider.alias !== undefined && provider.alias !== region && !provider.alias.startsWith(`${region}-`)) {
        violations.push({ address: `provider.aws.${provider.alias}`, message: `alias "${provider.alias}" does not name its region ${region}` });
      }
    }
    const regionOf = (resource: StackResource) => (GLOBAL_TYPE.test(resource.type) ? undefined : stack.regionOf(resource));

    for (const resource of stack.allResources()) {
      const region = regionOf(resource);
      if (!GLOBAL_TYPE.test(resource.type) && region === undefined) {
        const provider = resource.body.provider;
        violations.push({
          address: resource.address,
          message: typeof provider === 'string' ? `provider ${provider} is not declared in this stack`
            : 'uses the implicit default provider, whose region comes from the environment',
        });
        continue;
      }
      for (const [target, why] of regionalTargets(resource)) {
        const targetResource = stack.resourceAt(target);
        const targetRegion = targetResource ? regionOf(targetResource) : undefined;
        const expected = why.region ?? region;
        if (targetRegion !== undefined && expected !== undefined && targetRegion !== expected) {
          violations.push({ address: resource.address, message: `${why.label} ${target} is in ${targetRegion}, not ${expected}` });
        }
      }
    }
    return violations;
  },
};

interface Expectation {
  readonly label: string;
  /** The region the target must be in; undefined: the resource's own region. */
  readonly region?: string;
}

/** What a resource refers to, and the region each reference must be in. */
function regionalTargets(resource: StackResource): Array<[string, Expectation]> {
  const body = resource.body;
  if (resource.type === 'aws_route53_record') {
    const latencyRegion = block(body.latency_routing_policy)?.region;
    if (typeof latencyRegion !== 'string') return [];
    const label = `latency record for ${latencyRegion} points at`;
    return referencesIn([body.alias, body.records]).map((target) => [target, { label, region: latencyRegion }]);
  }
  if (resource.type === 'aws_route53_health_check') {
    const host = String(body.fqdn ?? '');
    const region = parseExecuteApiHost(host)?.region;
    if (!region) return [];
    return referencesIn(host).map((target) => [target, { label: `health check of an API in ${region} probes`, region }]);
  }
  if (GLOBAL_TYPE.test(resource.type)) return [];
  return referencesIn(body).map((target) => [target, { label: 'refers to' }]);
}
