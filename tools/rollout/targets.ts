import { addressesOwnedBy, GLOBAL, RegionAttribution } from '../stack-model/region-attribution';

/**
 * The `-target` addresses of one wave: every resource any of `attributions` gives to the wave's regions. A wave
 * plans in the new release's folder with the new and the previous release's attributions, so a resource the new
 * release removes is still targeted (and destroyed) in its region's wave; a rollback plans the other way round.
 * Terraform adds what the targets depend on (e.g. the global ACM validation records); plan-scope.ts checks it.
 */
export function waveTargets(regions: readonly string[], attributions: readonly RegionAttribution[]): string[] {
  return union(regions.flatMap((region) => attributions.flatMap((attribution) => addressesOwnedBy(attribution, region))));
}

/** The final step's targets: every global resource of either release (a new alarm topic subscription, say). */
export function globalTargets(attributions: readonly RegionAttribution[]): string[] {
  return union(attributions.flatMap((attribution) => addressesOwnedBy(attribution, GLOBAL)));
}

/** `-target=<address>` for each address (cdktf's names need no quoting). */
export function targetFlags(addresses: readonly string[]): string[] {
  return addresses.map((address) => `-target=${address}`);
}

function union(addresses: readonly string[]): string[] {
  return [...new Set(addresses)].sort();
}
