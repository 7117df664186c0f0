/** The subset of `terraform providers schema -json` the prior-state builder reads: the types of attributes. */
export interface SchemaAttribute {
  readonly type?: unknown;
  readonly sensitive?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
}

export interface SchemaBlock {
  readonly attributes?: Record<string, SchemaAttribute>;
  readonly block_types?: Record<string, { readonly nesting_mode: string; readonly block: SchemaBlock }>;
}

export interface ResourceSchema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export type ResourceSchemas = Record<string, ResourceSchema>;

interface ProvidersSchemaJson {
  readonly provider_schemas?: Record<string, { readonly resource_schemas?: ResourceSchemas }>;
}

/** Resource schemas of one provider (e.g. `registry.terraform.io/hashicorp/aws`) from the command's JSON. */
export function resourceSchemas(json: string, provider: string): ResourceSchemas {
  const schemas = (JSON.parse(json) as ProvidersSchemaJson).provider_schemas?.[provider]?.resource_schemas;
  if (!schemas) throw new Error(`terraform providers schema -json lists no resource schemas for ${provider}`);
  return schemas;
}

/** The schema of one attribute or nested block under `block`, if it has one. */
export function childSchema(block: SchemaBlock | undefined, key: string): { attribute?: SchemaAttribute; block?: { nesting_mode: string; block: SchemaBlock } } {
  return { attribute: block?.attributes?.[key], block: block?.block_types?.[key] };
}

/** Why `value` is not a set of resource schemas (type -> { version, block }), or undefined when it is. */
export function resourceSchemasProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not an object';
  const entries = Object.entries(value);
  if (entries.length === 0) return 'no resource types';
  const bad = entries.find(([, schema]) => schema === null || typeof schema !== 'object'
    || typeof (schema as ResourceSchema).block !== 'object' || (schema as ResourceSchema).block === null);
  return bad ? `${bad[0]} has no schema block` : undefined;
}
