import { createHash } from 'crypto';

/** One instance as Terraform's state format 4 stores it. */
export interface StateInstance {
  index_key?: string | number;
  schema_version: number;
  attributes: Record<string, unknown>;
  sensitive_attributes: StatePath[];
}

export interface StateResource {
  /** `module.<name>` for a resource of a child module; absent at the root. */
  module?: string;
  mode: 'managed';
  type: string;
  name: string;
  provider: string;
  instances: StateInstance[];
}

export interface StateFile {
  version: 4;
  terraform_version: string;
  serial: number;
  lineage: string;
  outputs: Record<string, { value: unknown; type: unknown; sensitive?: boolean }>;
  resources: StateResource[];
  check_results: null;
}

export type StatePath = Array<{ type: 'get_attr'; value: string } | { type: 'index'; value: { value: string | number; type: 'string' | 'number' } }>;

/** `provider["registry.terraform.io/hashicorp/aws"].<alias>`, from a configuration key like `aws.us-east-1`. */
export function providerAddress(providerConfigKey: string, source = 'registry.terraform.io/hashicorp/aws'): string {
  const [, alias] = /^[^.]+\.(.+)$/.exec(providerConfigKey) ?? [];
  return `provider["${source}"]${alias ? `.${alias}` : ''}`;
}

/** A lineage that is stable for the same seed, so a cached state keeps its identity. */
export function lineageFor(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * Paths of every `true` leaf in a plan's `sensitive_values` tree (the schema's sensitive attributes, as Terraform
 * marks them), in the state's `sensitive_attributes` format.
 */
export function sensitivePaths(tree: unknown, prefix: StatePath = []): StatePath[] {
  if (tree === true) return prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(tree)) {
    return tree.flatMap((child, i) => sensitivePaths(child, [...prefix, { type: 'index', value: { value: i, type: 'number' } }]));
  }
  if (tree !== null && typeof tree === 'object') {
    return Object.entries(tree).flatMap(([key, child]) => sensitivePaths(child, [...prefix, { type: 'get_attr', value: key }]));
  }
  return [];
}


/** Why `value` is not a state file as the prior-state builder writes one (format 4), or undefined when it is. */
export function stateFileProblem(value: unknown): string | undefined {
  const state = (value !== null && typeof value === 'object' ? value : {}) as Partial<Record<keyof StateFile, unknown>>;
  if (state.version !== 4) return `version ${JSON.stringify(state.version)}, expected 4`;
  if (typeof state.lineage !== 'string' || typeof state.serial !== 'number') return 'no lineage or serial';
  if (state.outputs === null || typeof state.outputs !== 'object') return 'no outputs object';
  if (!Array.isArray(state.resources)) return 'no resources list';
  const bad = state.resources.findIndex((r: Partial<StateResource> | null) => r === null || typeof r !== 'object'
    || typeof r.type !== 'string' || typeof r.name !== 'string' || typeof r.provider !== 'string' || !Array.isArray(r.instances));
  return bad < 0 ? undefined : `resources[${bad}] is not a resource`;
}
