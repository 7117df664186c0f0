import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import { addressesOwnedBy, attributeRegions, GLOBAL, RegionAttribution } from './region-attribution';
import { StackModel } from './stack-model';

/** Release ids of one synthesized stack: one per region, one for its global resources. */
export interface ReleaseIds {
  readonly regions: Readonly<Record<string, string>>;
  readonly global: string;
}

/** Hex digits of SHA-256 an id keeps: 64 bits, plenty to tell releases of one stack apart. */
const ID_LENGTH = 16;
/** cdktf writes the files a TerraformAsset packs under `assets/`, relative to the stack's folder. */
const ASSET_PATH = /^assets\//;

/**
 * What each region serves, as ids: a hash over the resources attributed to the region (their JSON bodies without
 * cdktf's `//` metadata, by address), the provider blocks they are bound to, the required provider versions, and the
 * bytes of every asset those resources name (the Lambda archives). The same source and config give the same ids
 * (synthesis is byte-stable); a change to what one region serves changes that region's id only. `global` is the same
 * hash over the global resources (the validation records, the alarm topic and its subscriptions).
 */
export function releaseIds(stackDir: string, model: StackModel, attribution: RegionAttribution = attributeRegions(model)): ReleaseIds {
  const idOf = (owner: string) => hashOf(model, stackDir, addressesOwnedBy(attribution, owner));
  return {
    regions: Object.fromEntries(attribution.regions.map((region) => [region, idOf(region)])),
    global: idOf(GLOBAL),
  };
}

function hashOf(model: StackModel, stackDir: string, addresses: readonly string[]): string {
  const resources = addresses.map((address) => {
    const body = Object.fromEntries(Object.entries(model.resourceAt(address)!.body).filter(([key]) => key !== '//'));
    return [address, body] as const;
  });
  const providerKeys = new Set(resources.map(([, body]) => (body.provider as string | undefined) ?? 'aws'));
  const providers = model.awsProviders.filter((p) => providerKeys.has(p.alias === undefined ? 'aws' : `aws.${p.alias}`));
  const assets = [...new Set(resources.flatMap(([, body]) => Object.values(body)
    .filter((value): value is string => typeof value === 'string' && ASSET_PATH.test(value))))].sort()
    .map((path) => [path, sha256(readAsset(stackDir, path))]);
  const versions = (model.json.terraform as { required_providers?: unknown } | undefined)?.required_providers ?? null;
  return sha256(canonicalJson({ resources, providers, versions, assets })).slice(0, ID_LENGTH);
}

function readAsset(stackDir: string, path: string): Buffer {
  try {
    return readFileSync(join(stackDir, path));
  } catch (error) {
    throw new Error(`${join(stackDir, path)} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}): a resource names this asset`);
  }
}

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with every object's keys sorted, so the same content always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
