import {
  describeRange, NumberRange, Problems, readBoolean, readInteger, readList, readNumber, readOneOf, readString, StringRule,
} from './fields';

/** What a default may depend on: the top-level settings read before it (e.g. the state bucket's on `namePrefix`). */
export interface DefaultContext {
  readonly namePrefix?: string;
  readonly regions?: readonly string[];
}

/**
 * What a setting's own reader checks, as data: tools/config-table writes config/schema.json from it. A `list` or
 * `custom` setting is read by code (readers.ts); the tool holds the JSON Schema form of those checks.
 */
export type Check =
  | { readonly kind: 'integer'; readonly min: number; readonly max: number }
  | { readonly kind: 'decimal'; readonly range: NumberRange }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'oneOf'; readonly allowed: readonly (string | number)[] }
  | { readonly kind: 'text'; readonly rule: StringRule }
  | { readonly kind: 'list'; readonly minItems: number }
  | { readonly kind: 'custom' };

/** One setting: how to read it, its default, and what the README says about it. */
export interface Field<T> {
  readonly kind: 'field';
  /** README "Type" column, e.g. `integer`, `string[]`. */
  readonly type: string;
  /** README "Allowed" column, e.g. `128–10240`. */
  readonly allowed: string;
  /** README "Default" column: `required`, a JSON value, or a phrase for a computed default. */
  readonly defaultText: string;
  /** One line: what the setting does. */
  readonly meaning: string;
  /** Absent from the file: a problem when required, else this value (`undefined`: the setting stays unset). */
  readonly required: boolean;
  readonly fallback: (context: DefaultContext) => T;
  /** The default when it is a fixed value (not computed from other settings, not required, not unset). */
  readonly defaultValue?: T;
  readonly check: Check;
  read(value: unknown, field: string, problems: Problems): T | undefined;
}

/** A group of settings under one key (`lambda`, `healthCheck`, ...); absent from the file means all defaults. */
export interface Section<F extends Fields> {
  readonly kind: 'section';
  readonly fields: F;
}

/** A section whose settings depend on one of them (`state.backend`): each variant lists its own. */
export interface Variants<Tag extends string, V extends Record<string, Fields>> {
  readonly kind: 'variants';
  readonly tag: Tag;
  readonly tagField: Field<string>;
  readonly variants: V;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Entry = Field<any> | Section<any> | Variants<string, any>;
export type Fields = Readonly<Record<string, Entry>>;

/** The validated value an entry of the schema reads into: the TypeScript type of a setting comes from here. */
export type ValueOf<E> =
  E extends Field<infer T> ? T
    : E extends Section<infer F> ? SectionValue<F>
      : E extends Variants<infer Tag, infer V> ? { [D in keyof V]: { readonly [K in Tag]: D } & SectionValue<V[D]> }[keyof V]
        : never;
/** Settings that may stay unset (no default) are optional keys; the rest are always present after validation. */
export type SectionValue<F extends Fields> = Simplify<
  { readonly [K in Exclude<keyof F, UnsetKeys<F>>]: ValueOf<F[K]> } & { readonly [K in UnsetKeys<F>]?: Exclude<ValueOf<F[K]>, undefined> }
>;
type UnsetKeys<F extends Fields> = { [K in keyof F]: undefined extends ValueOf<F[K]> ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] };

interface Describe<T> {
  readonly meaning: string;
  /** A fixed default, or one computed from earlier settings (then give `defaultText` too). */
  readonly default?: T | ((context: DefaultContext) => T);
  readonly defaultText?: string;
  readonly required?: true;
  /** Overrides the generated "Allowed" text. */
  readonly allowed?: string;
}

function field<T>(
  spec: Describe<T>, type: string, allowed: string, check: Check, read: Field<T>['read'], optional = false,
): Field<T> {
  const fallback = spec.default;
  if (!spec.required && fallback === undefined && !optional) throw new Error(`"${spec.meaning}": needs a default or required`);
  return {
    kind: 'field',
    type,
    allowed: spec.allowed ?? allowed,
    meaning: spec.meaning,
    required: spec.required === true,
    defaultText: spec.defaultText ?? (spec.required ? 'required' : fallback === undefined ? 'none' : `\`${JSON.stringify(fallback)}\``),
    fallback: typeof fallback === 'function' ? (fallback as (context: DefaultContext) => T) : () => fallback as T,
    defaultValue: typeof fallback === 'function' ? undefined : fallback,
    check,
    read,
  };
}

export function integer(min: number, max: number, spec: Describe<number>): Field<number> {
  return field(spec, 'integer', `${min}–${max}`, { kind: 'integer', min, max },
    (value, at, problems) => readInteger(value, at, problems, min, max));
}

/** A number that need not be whole, e.g. a share of requests. */
export function decimal(range: NumberRange, spec: Describe<number>): Field<number> {
  return field(spec, 'number', describeRange(range), { kind: 'decimal', range }, (value, at, problems) => readNumber(value, at, problems, range));
}

export function flag(spec: Describe<boolean>): Field<boolean> {
  return field(spec, 'boolean', '`true` or `false`', { kind: 'boolean' }, (value, at, problems) => readBoolean(value, at, problems));
}

export function oneOf<const T extends string | number>(allowed: readonly T[], spec: Describe<NoInfer<T>>): Field<T> {
  const shown = allowed.length > 8 ? [...allowed.slice(0, 6), '…', allowed[allowed.length - 1]] : allowed;
  return field(spec, typeof allowed[0] === 'number' ? 'integer' : 'string', `one of ${shown.map((value) => (typeof value === 'string' && value !== '…' ? JSON.stringify(value) : value)).join(', ')}`,
    { kind: 'oneOf', allowed }, (value, at, problems) => readOneOf(value, at, problems, allowed));
}

export function text(rule: StringRule, spec: Describe<string>): Field<string> {
  return field(spec, 'string', rule.describe ?? 'any text', { kind: 'text', rule },
    (value, at, problems) => readString(value, at, problems, rule));
}

/** A string that may stay unset (no default). */
export function optionalText(rule: StringRule, spec: Describe<string | undefined>): Field<string | undefined> {
  return field(spec, 'string', rule.describe ?? 'any text', { kind: 'text', rule },
    (value, at, problems) => readString(value, at, problems, rule), true);
}

/** A list of unique items, each read by `item` (which names its own problems). */
export function list(
  item: (value: unknown, field: string, problems: Problems) => string | undefined,
  itemAllowed: string, spec: Describe<readonly string[]> & { readonly minItems?: number },
): Field<readonly string[]> {
  const min = spec.minItems ? `at least ${spec.minItems}, ` : '';
  return field(spec, 'string[]', `${min}each ${itemAllowed}; no duplicates`, { kind: 'list', minItems: spec.minItems ?? 0 }, (value, at, problems) =>
    readList(value, at, problems, (entry, entryField) => item(entry, entryField, problems), { minItems: spec.minItems }));
}

export function custom<T>(type: string, allowed: string, read: Field<T>['read'], spec: Describe<T>): Field<T> {
  return field(spec, type, allowed, { kind: 'custom' }, read);
}

export function section<F extends Fields>(fields: F): Section<F> {
  return { kind: 'section', fields };
}

export function variants<Tag extends string, D extends string, V extends Record<D, Fields>>(
  tag: Tag, tagField: Field<D>, byTag: V,
): Variants<Tag, V> {
  return { kind: 'variants', tag, tagField, variants: byTag };
}
