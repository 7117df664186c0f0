import { Check, Entry, Field, Fields, Variants } from '../../src/config/schema-kit';
import { SCHEMA } from '../../src/config/schema';
import { SCHEMA_KEY } from '../../src/config/validate';
import { NumberRange, StringRule } from '../../src/config/fields';
import { CODE_CHECKS, DEFINITIONS, JsonSchema, NON_BLANK } from './json-checks';

/** Where the JSON Schema of config files lives; config/example.json names it in `$schema`. */
export const SCHEMA_FILE = 'config/schema.json';

/** Whitespace-only strings: a setting's pattern that matches one of these also gets the non-blank rule. */
const BLANKS = [' ', '\t', '\n', '\r', '\u00a0', '\u2028', '\ufeff', ' \t '];

/**
 * The JSON Schema (draft 2020-12) of a config file, from the declarations validation reads (src/config/schema.ts) and
 * the JSON Schema form of the checks written as code (json-checks.ts). Synth checks more than this: rules across
 * sections, URL parsing and sizes measured in bytes (README: Configuration).
 */
export function configJsonSchema(schema: Fields = SCHEMA, codeChecks = CODE_CHECKS): JsonSchema {
  const used = new Set<string>();
  const top = objectSchema(schema, '', { codeChecks, used });
  const unused = Object.keys(codeChecks).filter((path) => !used.has(path));
  if (unused.length > 0) throw new Error(`json-checks.ts names settings the schema does not declare: ${unused.join(', ')}`);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Multi-region serverless API configuration',
    description: 'A config file like config/example.json. Generated from src/config/schema.ts by npm run docs:config.',
    ...top,
    properties: {
      [SCHEMA_KEY]: { type: 'string', description: 'This file\'s JSON Schema, for editors (config/schema.json)' },
      ...(top.properties as JsonSchema),
    },
    $defs: DEFINITIONS,
  };
}

/** config/schema.json's text: two-space JSON, each object or list on one line when that line stays short. */
export function configJsonSchemaText(): string {
  return `${pretty(configJsonSchema(), '')}\n`;
}

function pretty(value: unknown, indent: string): string {
  const short = inline(value);
  if (typeof value !== 'object' || value === null || indent.length + short.length <= 100) return short;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${pretty(item, inner)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${pretty(item, inner)}`);
  return Array.isArray(value) ? `[\n${items.join(',\n')}\n${indent}]` : `{\n${items.join(',\n')}\n${indent}}`;
}

function inline(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inline).join(', ')}]`;
  if (typeof value !== 'object' || value === null) return JSON.stringify(value);
  return `{${Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${inline(item)}`).join(', ')}}`;
}

/** The code checks to add, by path, and the paths that took theirs. */
interface Walk {
  readonly codeChecks: Readonly<Record<string, JsonSchema>>;
  readonly used: Set<string>;
}

function objectSchema(fields: Fields, path: string, walk: Walk): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [key, entry] of Object.entries(fields)) properties[key] = entrySchema(entry, join(path, key), walk);
  const required = requiredKeys(fields);
  return withCodeChecks({
    type: 'object', ...(required.length > 0 ? { required } : {}), additionalProperties: false, properties,
  }, path, walk);
}

function entrySchema(entry: Entry, path: string, walk: Walk, variant?: string): JsonSchema {
  if (entry.kind === 'section') return objectSchema(entry.fields, path, walk);
  if (entry.kind === 'variants') return variantsSchema(entry, path, walk);
  return fieldSchema(entry, path, walk, variant);
}

function fieldSchema(field: Field<unknown>, path: string, walk: Walk, variant?: string): JsonSchema {
  const computedDefault = field.defaultValue === undefined && !field.required && field.defaultText !== 'none';
  const description = `${variant ? `(${variant}) ` : ''}${field.meaning}${computedDefault ? ` (default: ${field.defaultText})` : ''}`;
  const own = checkSchema(field.check);
  const schema = withCodeChecks(own, path, walk);
  if ((field.check.kind === 'list' && !('items' in schema)) || (field.check.kind === 'custom' && schema === own)) {
    throw new Error(`${path} is read by code: give the JSON Schema form of its check in tools/config-table/json-checks.ts`);
  }
  return { description, ...(field.defaultValue === undefined ? {} : { default: field.defaultValue }), ...schema };
}

function checkSchema(check: Check): JsonSchema {
  switch (check.kind) {
    case 'integer': return { type: 'integer', minimum: check.min, maximum: check.max };
    case 'decimal': return { type: 'number', ...numberRange(check.range) };
    case 'boolean': return { type: 'boolean' };
    case 'oneOf': return { type: typeof check.allowed[0] === 'number' ? 'integer' : 'string', enum: check.allowed };
    case 'text': return textSchema(check.rule);
    case 'list': return { type: 'array', ...(check.minItems > 0 ? { minItems: check.minItems } : {}), uniqueItems: true };
    case 'custom': return {};
  }
}

/** readNumber's bounds: an exclusive bound refuses the bound itself. */
function numberRange(range: NumberRange): JsonSchema {
  return {
    [range.exclusiveMin ? 'exclusiveMinimum' : 'minimum']: range.min,
    [range.exclusiveMax ? 'exclusiveMaximum' : 'maximum']: range.max,
  };
}

/** readString: never blank, then the length and pattern of the rule. */
function textSchema(rule: StringRule): JsonSchema {
  const length = rule.maxLength === undefined ? {} : { maxLength: rule.maxLength };
  if (!rule.pattern) return { type: 'string', ...length, pattern: NON_BLANK };
  if (rule.pattern.flags.replace('u', '') !== '') {
    throw new Error(`${rule.pattern}: JSON Schema patterns take no flags (write the pattern without them)`);
  }
  const blankPasses = BLANKS.some((blank) => rule.pattern!.test(blank));
  return { type: 'string', ...length, pattern: rule.pattern.source, ...(blankPasses ? { not: { pattern: '^\\s*$' } } : {}) };
}

/**
 * A section with variants (`state.backend`): every variant's settings are properties (for completion), and each
 * variant admits only its own, requires its required ones, and applies when its tag is given (or is the default).
 */
function variantsSchema(entry: Variants<string, Record<string, Fields>>, path: string, walk: Walk): JsonSchema {
  const properties: Record<string, JsonSchema> = { [entry.tag]: fieldSchema(entry.tagField, join(path, entry.tag), walk) };
  const cases = Object.entries(entry.variants).map(([tag, fields]) => {
    for (const [key, field] of Object.entries(fields)) {
      if (key in properties) throw new Error(`${join(path, key)}: declared by two variants; config/schema.json cannot tell them apart`);
      properties[key] = entrySchema(field, join(path, key), walk, `\`${tag}\` ${entry.tag}`);
    }
    const required = requiredKeys(fields);
    return {
      if: { properties: { [entry.tag]: { const: tag } }, ...(entry.tagField.defaultValue === tag ? {} : { required: [entry.tag] }) },
      then: { propertyNames: { enum: [entry.tag, ...Object.keys(fields)] }, ...(required.length > 0 ? { required } : {}) },
    };
  });
  return withCodeChecks({ type: 'object', additionalProperties: false, properties, allOf: cases }, path, walk);
}

function requiredKeys(fields: Fields): string[] {
  return Object.entries(fields).filter(([, entry]) => entry.kind === 'field' && entry.required).map(([key]) => key);
}

/** `schema` with the code checks of `path` added; a keyword both give is an error, never silently overwritten. */
function withCodeChecks(schema: JsonSchema, path: string, walk: Walk): JsonSchema {
  const extra = walk.codeChecks[path];
  if (!extra) return schema;
  walk.used.add(path);
  const both = Object.keys(extra).filter((keyword) => keyword in schema);
  if (both.length > 0) throw new Error(`${path}: json-checks.ts repeats ${both.join(', ')} of the declaration; use allOf`);
  return { ...schema, ...extra };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
