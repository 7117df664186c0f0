import { dependenciesOf } from './resource-dependencies';
import { StackModel } from './stack-model';

/** The owner of a resource that belongs to no single region. */
export const GLOBAL = 'global';

/**
 * Which region each resource of a stack belongs to, for changing one region at a time (the rollout's waves):
 * - bound to a regional provider (one whose alias is its region, `aws.us-west-2`): that region;
 * - bound to any other provider (the us-east-1 monitoring provider): the one region every region-owned resource it
 *   refers to belongs to, e.g. the us-east-1 alarm on a region's DNS check must move with that region, or it would
 *   watch a check that region's wave replaced or deleted. References to global resources (the alarm's SNS topic) do
 *   not count; a resource that refers to several regions (the ACM validation records over every certificate), or
 *   to none, is global.
 */
export interface RegionAttribution {
  /** Managed resource address -> its region, or GLOBAL. */
  readonly owners: ReadonlyMap<string, string>;
  /** Regions that own at least one resource, sorted. */
  readonly regions: readonly string[];
  /** Regions with a regional provider and no resources (a config's `retiredRegions`): applying destroys theirs. */
  readonly retiredRegions: readonly string[];
}

/** Attributes every managed resource of `model` to a region or to GLOBAL. */
export function attributeRegions(model: StackModel): RegionAttribution {
  const regional = new Map(model.awsProviders
    .filter((p) => p.alias !== undefined && p.alias === p.region)
    .map((p) => [`aws.${p.alias}`, p.region as string]));
  const resources = model.allResources().filter((r) => r.mode === 'resource');
  const known = new Set(resources.map((r) => r.address));
  const owners = new Map<string, string>();
  const pending = new Map<string, string[]>();
  for (const resource of resources) {
    const region = regional.get(resource.body.provider ?? 'aws');
    if (region !== undefined) owners.set(resource.address, region);
    else pending.set(resource.address, dependenciesOf(resource.body, known));
  }
  resolvePending(pending, owners);
  const regions = [...new Set([...owners.values()].filter((owner) => owner !== GLOBAL))].sort();
  const retiredRegions = [...new Set(regional.values())].filter((region) => !regions.includes(region)).sort();
  return { owners, regions, retiredRegions };
}

/** Resolves resources on non-regional providers once everything they refer to has an owner (Terraform has no cycles). */
function resolvePending(pending: Map<string, string[]>, owners: Map<string, string>): void {
  let progress = true;
  while (pending.size > 0 && progress) {
    progress = false;
    for (const [address, dependencies] of pending) {
      if (dependencies.some((dependency) => !owners.has(dependency))) continue;
      const regions = new Set(dependencies.map((d) => owners.get(d)!).filter((owner) => owner !== GLOBAL));
      owners.set(address, regions.size === 1 ? [...regions][0] : GLOBAL);
      pending.delete(address);
      progress = true;
    }
  }
  for (const address of pending.keys()) owners.set(address, GLOBAL);
}

/** Addresses owned by `owner` (a region or GLOBAL), sorted. */
export function addressesOwnedBy(attribution: RegionAttribution, owner: string): string[] {
  return [...attribution.owners].filter(([, o]) => o === owner).map(([address]) => address).sort();
}
