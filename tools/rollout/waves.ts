import { UsageError } from '../cli/args';
import { Release } from './release';

/**
 * The regions a rollout from `previous` to `to` must put in its waves: every region `to` serves, and every region
 * `to` retires that `previous` still serves (its wave destroys what it had). A region `previous` serves that `to`
 * neither serves nor retires cannot be planned (Terraform needs its provider to destroy its resources).
 */
export function regionsToRoll(to: Release, previous: Release): string[] {
  const served = Object.keys(to.manifest.regions);
  const retiring = to.manifest.retiredRegions.filter((region) => Object.hasOwn(previous.manifest.regions, region));
  const dropped = Object.keys(previous.manifest.regions).filter((region) => !served.includes(region) && !to.manifest.retiredRegions.includes(region));
  if (dropped.length > 0) {
    throw new UsageError(`--to drops ${dropped.join(', ')} without retiring it: move it from "regions" to "retiredRegions" `
      + 'for one release, so its wave can destroy what it runs');
  }
  return [...served, ...retiring].sort();
}

/**
 * `--waves us-west-2/eu-west-1,us-east-1`: waves in order, separated by commas; the regions of one wave by slashes.
 * Every region of `regions` must be in exactly one wave; each mistake is one UsageError naming the region.
 */
export function parseWaves(text: string, regions: readonly string[]): string[][] {
  const known = regions.join(', ');
  const waves = text.split(',').map((wave, index) => {
    const members = wave.split('/').map((region) => region.trim());
    if (members.some((region) => region === '')) throw new UsageError(`--waves "${text}": wave ${index + 1} has an empty region name`);
    return members;
  });
  const seen = new Set<string>();
  for (const region of waves.flat()) {
    if (!regions.includes(region)) throw new UsageError(`--waves: "${region}" is not a region of the release; its regions: ${known}`);
    if (seen.has(region)) throw new UsageError(`--waves: ${region} is in more than one place; each region goes in exactly one wave`);
    seen.add(region);
  }
  const missing = regions.filter((region) => !seen.has(region));
  if (missing.length > 0) throw new UsageError(`--waves: ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} in no wave; every region of the release must be (${known})`);
  return waves;
}

/** The `--waves` text for `waves` (for the commands a stopped rollout prints). */
export function formatWaves(waves: readonly (readonly string[])[]): string {
  return waves.map((wave) => wave.join('/')).join(',');
}
