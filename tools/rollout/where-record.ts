import { join } from 'path';
import { readJsonOr, writeJsonAtomic } from './atomic-json';
import { regionId, Release } from './release';

/** What one region was last given by a rollout with Terraform: the region's release id and the release folder. */
export interface RegionRecord {
  readonly release: string;
  readonly key: string;
  readonly dir: string;
}

type WhereRecord = { readonly regions: Readonly<Record<string, RegionRecord>> };

const FILE = 'regions.json';

/**
 * Terraform's state says what is deployed, not which release it came from, so the Terraform target records, after
 * every apply, which release each region was given (`<state dir>/regions.json`). A region never rolled out is absent.
 */
export function readWhereRecord(stateDir: string): Readonly<Record<string, RegionRecord>> {
  return readJsonOr<WhereRecord>(join(stateDir, FILE), { regions: {} }).regions;
}

export function recordWhere(stateDir: string, release: Release, regions: readonly string[]): void {
  const updated = { ...readWhereRecord(stateDir) };
  for (const region of regions) updated[region] = { release: regionId(release, region), key: release.key, dir: release.dir };
  writeJsonAtomic(join(stateDir, FILE), { regions: updated });
}
