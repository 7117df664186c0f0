import { ConfigSideError, StackFile } from './synth-config';

/** `aws.<alias>` as a resource names its provider; the default provider has none. */
const providerKeyOf = (provider: string | undefined): string => provider ?? 'aws';

/**
 * Refuses a change that drops a region from `regions` while the live stack has resources there: Terraform needs that
 * region's provider to destroy them, and without it fails with "Provider configuration not present" for each one.
 * `retiredRegions` keeps the provider for one apply.
 */
export function requireRetiredRegions(deployed: StackFile, target: StackFile, toConfig: string): void {
  const configured = new Set(target.model.awsProviders.map((p) => (p.alias === undefined ? 'aws' : `aws.${p.alias}`)));
  const orphaned = deployed.model.allResources().filter((r) => r.mode === 'resource' && !configured.has(providerKeyOf(r.body.provider)));
  if (orphaned.length === 0) return;
  const regions = [...new Set(orphaned.map((r) => deployed.model.regionOf(r) ?? providerKeyOf(r.body.provider)))].sort();
  throw new ConfigSideError(`--to ${toConfig}: ${regions.join(', ')} left regions, but the live stack has ${orphaned.length} resource${orphaned.length === 1 ? '' : 's'} there `
    + 'and Terraform needs that region\'s provider to destroy them ("Provider configuration not present"): list it in retiredRegions '
    + 'for one apply, then drop it (README config reference: retiredRegions; docs/changing-a-live-stack.md#retiring-a-region)');
}
