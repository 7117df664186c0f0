import { createHash } from 'crypto';
import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { UsageError } from '../cli/args';
import { attributeRegions, RegionAttribution } from '../stack-model/region-attribution';
import { canonicalJson, releaseIds } from '../stack-model/release-id';
import { StackModel } from '../stack-model/stack-model';
import { TerraformJson } from '../stack-model/terraform-json';

export const RELEASE_FILE = 'release.json';
export const RELEASE_FORMAT = 1;

/** `release.json`: what `npm run release` wrote beside the synthesized stacks. */
export interface ReleaseManifest {
  readonly format: typeof RELEASE_FORMAT;
  readonly stack: string;
  /** Region -> the id of what the release serves there (tools/stack-model/release-id.ts). */
  readonly regions: Readonly<Record<string, string>>;
  readonly global: string;
  /** Regions whose provider the release keeps with no resources (`retiredRegions`): applying it destroys theirs. */
  readonly retiredRegions: readonly string[];
}

/** A release folder, read and checked: its manifest, its API stack and who owns each resource. */
export interface Release {
  readonly dir: string;
  /** `<dir>/stacks/multi-region-api`: what Terraform plans, and what the local run's release route loads. */
  readonly stackDir: string;
  readonly manifest: ReleaseManifest;
  readonly model: StackModel;
  readonly attribution: RegionAttribution;
  /** Short id of the whole release (its region and global ids), for folder names and messages. */
  readonly key: string;
}

/** What a region serves once `release` is applied to it: its id, or `none` for a region the release retires. */
export function regionId(release: Release, region: string): string {
  return release.manifest.regions[region] ?? 'none';
}

/** The manifest of a synthesized stack folder, computed from its files. */
export function manifestOf(stackDir: string, model: StackModel): ReleaseManifest {
  const attribution = attributeRegions(model);
  const ids = releaseIds(stackDir, model, attribution);
  return { format: RELEASE_FORMAT, stack: API_STACK_NAME, regions: ids.regions, global: ids.global, retiredRegions: attribution.retiredRegions };
}

export function releaseKey(manifest: Pick<ReleaseManifest, 'regions' | 'global'>): string {
  return createHash('sha256').update(canonicalJson({ regions: manifest.regions, global: manifest.global })).digest('hex').slice(0, 12);
}

/** A synthesized stack folder as a release (its ids computed, no release.json needed): e.g. a config plan:change synthesized. */
export function releaseOfStack(stackDir: string, model: StackModel): Release {
  const manifest = manifestOf(stackDir, model);
  return { dir: resolve(stackDir, '..', '..'), stackDir, manifest, model, attribution: attributeRegions(model), key: releaseKey(manifest) };
}

/**
 * Reads a release folder; `flag` names where it came from in every error (exit 2). The ids are computed again from
 * the stack and must match release.json: a folder edited after `npm run release` is refused.
 */
export function readRelease(dir: string, flag: string): Release {
  const absolute = resolve(dir);
  const stackDir = join(absolute, 'stacks', API_STACK_NAME);
  const manifest = readManifest(join(absolute, RELEASE_FILE), flag);
  let model: StackModel;
  try {
    model = new StackModel(JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as TerraformJson);
  } catch (error) {
    throw new UsageError(`${flag} ${dir}: stacks/${API_STACK_NAME}/cdk.tf.json cannot be read (${(error as Error).message.split('\n')[0]})`);
  }
  const computed = manifestOf(stackDir, model);
  const differs = [...new Set([...Object.keys(computed.regions), ...Object.keys(manifest.regions)])]
    .find((region) => computed.regions[region] !== manifest.regions[region]);
  if (differs !== undefined || computed.global !== manifest.global) {
    const what = differs ?? 'global';
    throw new UsageError(`${flag} ${dir}: ${RELEASE_FILE} says ${what} is ${manifest.regions[what] ?? (what === 'global' ? manifest.global : 'absent')}, `
      + `its stack gives ${computed.regions[what] ?? (what === 'global' ? computed.global : 'absent')}: the folder changed after \`npm run release\``);
  }
  return { dir: absolute, stackDir, manifest, model, attribution: attributeRegions(model), key: releaseKey(manifest) };
}

function readManifest(file: string, flag: string): ReleaseManifest {
  if (!existsSync(file)) throw new UsageError(`${flag} ${resolve(file, '..')}: no ${RELEASE_FILE}; make a release with \`npm run release -- --out <dir>\``);
  let parsed: Partial<ReleaseManifest>;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<ReleaseManifest>;
  } catch (error) {
    throw new UsageError(`${flag}: ${file} is not JSON (${(error as Error).message})`);
  }
  const regionsOk = parsed.regions && typeof parsed.regions === 'object' && Object.values(parsed.regions).every((id) => typeof id === 'string');
  if (parsed.format !== RELEASE_FORMAT || parsed.stack !== API_STACK_NAME || !regionsOk || typeof parsed.global !== 'string') {
    throw new UsageError(`${flag}: ${file} is not a format ${RELEASE_FORMAT} release of ${API_STACK_NAME} (format, stack, regions, global)`);
  }
  return { ...parsed, retiredRegions: parsed.retiredRegions ?? [] } as ReleaseManifest;
}
