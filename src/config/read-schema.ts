import { describeType, JsonObject, join, Problems, readObject } from './fields';
import { DefaultContext, Entry, Fields, Variants } from './schema-kit';

/** What one pass over a file collects besides the values: every problem, and which settings the file gave. */
export interface ReadPass {
  readonly problems: Problems;
  /** The settings present in the file by path (`dns.ttl`), for rules that care whether a value was defaulted. */
  readonly given: Map<string, unknown>;
}

/**
 * Reads `object` against `fields`: absent settings get their defaults, present ones are checked, unknown keys were
 * reported by the caller's readObject. Returns what could be read; the caller decides by `pass.problems`.
 */
export function readFields(
  fields: Fields, object: JsonObject, at: string, pass: ReadPass, context?: DefaultContext, requiredWhen = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const defaults = context ?? (out as DefaultContext);
  for (const [key, entry] of Object.entries(fields)) {
    const value = readEntry(entry, object[key], join(at, key), pass, defaults, requiredWhen);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readEntry(
  entry: Entry, value: unknown, path: string, pass: ReadPass, context: DefaultContext, requiredWhen: string,
): unknown {
  if (entry.kind === 'section') {
    const object = value === undefined ? {} : readObject(value, path, Object.keys(entry.fields), pass.problems);
    return object && readFields(entry.fields, object, path, pass, context);
  }
  if (entry.kind === 'variants') return readVariant(entry, value, path, pass, context);
  if (value === undefined) {
    return entry.required ? pass.problems.add(path, `is required${requiredWhen}`) : entry.fallback(context);
  }
  pass.given.set(path, value);
  return entry.read(value, path, pass.problems);
}

function readVariant(
  entry: Variants<string, Record<string, Fields>>, value: unknown, path: string, pass: ReadPass, context: DefaultContext,
): unknown {
  const raw = value === undefined ? {} : value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return pass.problems.bad(path, value, `must be an object, not ${describeType(value)}`);
  }
  const tagPath = join(path, entry.tag);
  const tag = readEntry(entry.tagField, (raw as JsonObject)[entry.tag], tagPath, pass, context, '') as string | undefined;
  if (tag === undefined) return undefined;
  const fields = entry.variants[tag];
  const object = readObject(raw, path, [entry.tag, ...Object.keys(fields)], pass.problems);
  if (!object) return undefined;
  return { [entry.tag]: tag, ...readFields(fields, object, path, pass, context, ` when ${tagPath} is "${tag}"`) };
}
