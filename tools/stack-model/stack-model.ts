import { parseReference, findReference } from './references';
import { Block, ProviderBlock, TerraformJson } from './terraform-json';

/** One resource (or data source) of a stack, with its Terraform address (`aws_x.name`, `data.aws_x.name`). */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly mode: 'resource' | 'data';
  readonly body: Block;
}

/** cdktf writes the files a TerraformAsset packs under `assets/`, relative to the stack's folder. */
const ASSET_PATH = /^assets\//;

/**
 * One synthesized stack as every tool reads it: resources by type, the region each is bound to, references resolved
 * to literals, outputs and assets. Errors name the field they were reading (`what`).
 */
export class StackModel {
  constructor(readonly json: TerraformJson) {}

  /** Every `aws` provider block, in synthesized order. */
  get awsProviders(): ProviderBlock[] {
    const aws = this.json.provider?.aws;
    if (!aws) return [];
    return Array.isArray(aws) ? aws : [aws];
  }

  /** Every resource of `type`, in synthesized order. */
  resources(type: string): StackResource[] {
    return Object.entries(this.json.resource?.[type] ?? {}).map(([name, body]) => resourceOf('resource', type, name, body));
  }

  /** Every resource, then every data source. */
  allResources(): StackResource[] {
    const resources = Object.keys(this.json.resource ?? {}).flatMap((type) => this.resources(type));
    const data = Object.entries(this.json.data ?? {}).flatMap(([type, byName]) =>
      Object.entries(byName).map(([name, body]) => resourceOf('data', type, name, body)));
    return [...resources, ...data];
  }

  /** `type.name` of every resource (data sources excluded). */
  addresses(): string[] {
    return Object.keys(this.json.resource ?? {}).flatMap((type) => this.resources(type).map((r) => r.address));
  }

  resource(type: string, name: string): StackResource | undefined {
    const body = this.json.resource?.[type]?.[name];
    return body ? resourceOf('resource', type, name, body) : undefined;
  }

  /** The resource or data source at a Terraform address, if the stack has it. */
  resourceAt(address: string): StackResource | undefined {
    const parts = address.split('.');
    if (parts[0] !== 'data') return this.resource(parts[0], parts[1]);
    const body = this.json.data?.[parts[1]]?.[parts[2]];
    return body ? resourceOf('data', parts[1], parts[2], body) : undefined;
  }

  /**
   * The region of the AWS provider a resource is bound to: its `provider` (`aws.<alias>`) names the alias; no
   * `provider` means the unaliased default provider. Undefined when that provider is not declared or has no region.
   */
  regionOf(resource: StackResource): string | undefined {
    const alias = resource.body.provider?.replace(/^aws\./, '');
    return this.awsProviders.find((provider) => provider.alias === alias)?.region;
  }

  /** regionOf, or an error naming the resource and its provider. */
  requireRegion(resource: StackResource): string {
    const region = this.regionOf(resource);
    if (region === undefined) {
      throw new Error(`${resource.address} is bound to no AWS provider with a region (provider = ${String(resource.body.provider)})`);
    }
    return region;
  }

  /** A literal, or the literal attribute a whole-value reference points at (e.g. a method's `http_method`). */
  literal(value: unknown, what: string): string {
    const reference = parseReference(value);
    if (!reference) {
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      throw new Error(`${what}: expected a string, found ${JSON.stringify(value)}`);
    }
    const target = this.resource(reference.type, reference.name);
    if (!target) throw new Error(`${what} references ${reference.type}.${reference.name}, which is not in the stack`);
    return this.literal(target.body[reference.attribute], `${target.address}.${reference.attribute}`);
  }

  /** The `type` resource a value references (`${type.name.attr}`, whole or embedded); errors name the field. */
  referenced(value: unknown, type: string, what: string): StackResource {
    const reference = parseReference(value) ?? findReference(value);
    if (!reference || reference.type !== type) {
      throw new Error(`${what}: expected a reference to a ${type}, found ${JSON.stringify(value)}`);
    }
    const target = this.resource(type, reference.name);
    if (!target) throw new Error(`${what} references ${type}.${reference.name}, which is not in the stack`);
    return target;
  }

  /** The stack's outputs by name, with their `value` as synthesized (a literal or a reference). */
  outputs(): Map<string, unknown> {
    return new Map(Object.entries(this.json.output ?? {}).map(([name, output]) => [name, output.value]));
  }

  /** Paths (relative to the stack's folder) of the asset files resources point at, e.g. Lambda archives. */
  assets(): string[] {
    const paths = new Set<string>();
    for (const resource of this.allResources()) {
      for (const value of Object.values(resource.body)) {
        if (typeof value === 'string' && ASSET_PATH.test(value)) paths.add(value);
      }
    }
    return [...paths];
  }
}

function resourceOf(mode: StackResource['mode'], type: string, name: string, body: Block): StackResource {
  return { type, name, mode, body, address: mode === 'data' ? `data.${type}.${name}` : `${type}.${name}` };
}
