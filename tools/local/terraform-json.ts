/** The parts of a synthesized cdk.tf.json the local runner reads. */
export type TfResource = Readonly<Record<string, unknown>> & { readonly provider?: string };

export interface TerraformJson {
  readonly provider?: { readonly aws?: ReadonlyArray<{ readonly alias?: string; readonly region?: string }> };
  readonly resource?: Readonly<Record<string, Readonly<Record<string, TfResource>>>>;
}

export interface Reference {
  readonly type: string;
  readonly id: string;
  readonly attribute: string;
}

const WHOLE_REFERENCE = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/;
const EMBEDDED_REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/;

/** `${aws_x.logical_id.attr}` (the whole value) as its parts; anything else gives undefined. */
export function parseReference(value: unknown): Reference | undefined {
  const match = typeof value === 'string' ? WHOLE_REFERENCE.exec(value) : null;
  return match ? { type: match[1], id: match[2], attribute: match[3] } : undefined;
}

/** The first `${aws_x.logical_id.attr}` inside a longer string, e.g. a templated host name. */
export function findReference(value: unknown): Reference | undefined {
  const match = typeof value === 'string' ? EMBEDDED_REFERENCE.exec(value) : null;
  return match ? { type: match[1], id: match[2], attribute: match[3] } : undefined;
}

/** A nested block: cdktf writes single blocks as an object, some as a one-element list. */
export function block(value: unknown): Readonly<Record<string, unknown>> | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single && typeof single === 'object' ? single as Record<string, unknown> : undefined;
}

/** Read access to one synthesized stack, with references resolved to the literal they point at when there is one. */
export class StackJson {
  constructor(readonly json: TerraformJson, readonly source: string) {}

  resources(type: string): Array<[string, TfResource]> {
    return Object.entries(this.json.resource?.[type] ?? {});
  }

  resource(type: string, id: string): TfResource | undefined {
    return this.json.resource?.[type]?.[id];
  }

  /** The region of the aliased provider a resource is bound to (`aws.us-east-1` -> `us-east-1`). */
  regionOf(resource: TfResource, what: string): string {
    const alias = resource.provider?.replace(/^aws\./, '');
    const provider = this.json.provider?.aws?.find((p) => p.alias === alias);
    if (!provider?.region) throw new Error(`${what} is bound to no aliased AWS provider (provider = ${String(resource.provider)})`);
    return provider.region;
  }

  /** A literal, or the literal attribute a reference points at (e.g. a method's `http_method`). */
  literal(value: unknown, what: string): string {
    const reference = parseReference(value);
    if (!reference) {
      if (typeof value === 'string' || typeof value === 'number') return String(value);
      throw new Error(`${what}: expected a string, found ${JSON.stringify(value)}`);
    }
    const target = this.resource(reference.type, reference.id);
    if (!target) throw new Error(`${what} references ${reference.type}.${reference.id}, which is not in the stack`);
    return this.literal(target[reference.attribute], `${reference.type}.${reference.id}.${reference.attribute}`);
  }

  /** The logical id of the `type` resource a value references (`${type.id.attr}`); errors name the field. */
  referencedId(value: unknown, type: string, what: string): string {
    const reference = parseReference(value) ?? findReference(value);
    if (!reference || reference.type !== type) {
      throw new Error(`${what}: expected a reference to a ${type}, found ${JSON.stringify(value)}`);
    }
    if (!this.resource(type, reference.id)) throw new Error(`${what} references ${type}.${reference.id}, which is not in the stack`);
    return reference.id;
  }
}
