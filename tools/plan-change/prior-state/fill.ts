import { hasRealisticPlaceholder, PlaceholderContext, placeholderOfType } from './placeholders';
import { SchemaBlock } from './schema';

type Context = Omit<PlaceholderContext, 'parent'>;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `known` with every path `unknown` marks (a plan's `after_unknown` tree) set: to `fallback`'s value at that path when
 * there is one (the prior state's), else to a placeholder of the schema's type for it.
 */
export function mergeKnown(known: unknown, unknown: unknown, schema: SchemaSlot, ctx: Context, fallback?: unknown, parent: Record<string, unknown> = {}, name = ''): unknown {
  if (unknown === true) {
    if (fallback !== undefined) return fallback;
    if (schema.block) return schema.block.nesting_mode === 'single' ? null : [];
    // An optional+computed scalar not configured: AWS fills a default we cannot know; null plans as "unchanged" and
    // never trips the provider's validation (a made-up FIFO scope on a standard topic does). Collections stay empty.
    if (schema.attribute?.optional && !Array.isArray(schema.attribute.type) && !hasRealisticPlaceholder(name)) return null;
    return placeholderOfType(schema.attribute?.type, name, { ...ctx, parent });
  }
  if (Array.isArray(unknown)) {
    const list = Array.isArray(known) ? known : [];
    const element = elementSchema(schema);
    const length = Math.max(list.length, unknown.length);
    return Array.from({ length }, (_, i) => mergeKnown(list[i], unknown[i] ?? false, element, ctx, (fallback as unknown[] | undefined)?.[i], parent, name));
  }
  if (isObject(unknown)) {
    const object = isObject(known) ? known : {};
    const keys = new Set([...Object.keys(object), ...Object.keys(unknown)]);
    return Object.fromEntries([...keys].map((key) => [key, mergeKnown(object[key], unknown[key] ?? false, memberSchema(schema, key), ctx,
      isObject(fallback) ? fallback[key] : undefined, object, key)]));
  }
  return known === undefined ? (fallback ?? null) : known;
}

/** Where in the schema a value sits: an attribute (a cty type), a nested block, or the top of a resource. */
export interface SchemaSlot {
  readonly attribute?: { readonly type?: unknown; readonly optional?: boolean };
  readonly block?: { readonly nesting_mode: string; readonly block: SchemaBlock };
  readonly object?: SchemaBlock;
}

function elementSchema(slot: SchemaSlot): SchemaSlot {
  if (slot.block) return { object: slot.block.block };
  const type = slot.attribute?.type;
  if (Array.isArray(type) && ['list', 'set', 'map'].includes(type[0] as string)) return { attribute: { type: type[1] } };
  return {};
}

function memberSchema(slot: SchemaSlot, key: string): SchemaSlot {
  const block = slot.object;
  if (block) return { attribute: block.attributes?.[key], block: block.block_types?.[key] };
  const type = slot.attribute?.type;
  if (Array.isArray(type) && type[0] === 'object') return { attribute: { type: (type[1] as Record<string, unknown>)[key] } };
  if (Array.isArray(type) && type[0] === 'map') return { attribute: { type: type[1] } };
  return {};
}

/** The values of a planned instance with every unknown filled (from `fallback`, else with a placeholder). */
export function fillInstance(values: Record<string, unknown>, afterUnknown: unknown, block: SchemaBlock | undefined, ctx: Context,
  fallback?: Record<string, unknown>): Record<string, unknown> {
  return mergeKnown(values, afterUnknown ?? {}, { object: block }, ctx, fallback) as Record<string, unknown>;
}
