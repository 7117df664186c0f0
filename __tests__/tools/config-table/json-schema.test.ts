import { readFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { AWS_REGIONS } from '../../../src/config/aws-regions';
import { custom, Entry, Field, Fields, integer, list, section } from '../../../src/config/schema-kit';
import { SCHEMA } from '../../../src/config/schema';
import { validateConfig } from '../../../src/config/validate';
import { CODE_CHECKS } from '../../../tools/config-table/json-checks';
import { configJsonSchema, configJsonSchemaText, SCHEMA_FILE } from '../../../tools/config-table/json-schema';
import { EVERY_BACKEND, EVERY_SETTING, MINIMAL } from '../../helpers/config';
import { BEYOND_JSON_SCHEMA, jsonSchemaErrors, jsonSchemaValidator, SCHEMA_PATH } from '../../helpers/json-schema';
import { BASE_CONFIG, SCENARIOS } from '../plan-change/scenarios/configs';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'config', 'example.json');
const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, 'utf8'));

/** Every setting of the schema: its path, declaration, and the state backend it belongs to (variant settings). */
function settings(fields: Fields = SCHEMA, at = '', backend?: string): Array<{ path: string; field: Field<unknown>; backend?: string }> {
  return Object.entries(fields).flatMap(([key, entry]: [string, Entry]) => {
    const path = at ? `${at}.${key}` : key;
    if (entry.kind === 'section') return settings(entry.fields, path, backend);
    if (entry.kind === 'variants') {
      return [{ path: `${path}.${entry.tag}`, field: entry.tagField },
        ...Object.entries(entry.variants as Record<string, Fields>).flatMap(([tag, variant]) => settings(variant, path, tag))];
    }
    return [{ path, field: entry, backend }];
  });
}

/** A copy of `base` with the setting at `path` (`dns.ttl`) set to `value`. */
function withSetting(base: object, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(base) as Record<string, unknown>;
  const keys = path.split('.');
  const parent = keys.slice(0, -1).reduce<Record<string, unknown>>((at, key) => (at[key] ??= {}) as Record<string, unknown>, copy);
  parent[keys[keys.length - 1]] = value;
  return copy;
}

/** Synth's verdict and config/schema.json's on one file. */
function verdicts(raw: unknown): { synth: boolean; jsonSchema: boolean; errors: string[] } {
  let synth = true;
  try {
    validateConfig(raw);
  } catch {
    synth = false;
  }
  const errors = jsonSchemaErrors(raw);
  return { synth, jsonSchema: errors.length === 0, errors };
}

test('config/schema.json is the one the schema generates (run npm run docs:config)', () => {
  expect(SCHEMA_FILE).toBe('config/schema.json');
  expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(configJsonSchemaText());
});

test('it is a draft 2020-12 schema that ajv compiles in strict mode', () => {
  expect(readJson(SCHEMA_PATH).$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  expect(() => jsonSchemaValidator()).not.toThrow();
});

describe('a setting added to the schema', () => {
  const property = (schema: Record<string, unknown>, ...path: string[]): unknown => path.reduce<unknown>(
    (at, key) => ((at as Record<string, Record<string, unknown>>).properties[key]), schema);

  test('is picked up from its declaration: type, range, default, meaning', () => {
    const added = { ...SCHEMA, healthCheck: section({ ...SCHEMA.healthCheck.fields,
      errorRatePercent: integer(1, 50, { default: 5, meaning: 'Share of failed answers that evicts a region' }) }) };
    expect(property(configJsonSchema(added), 'healthCheck', 'errorRatePercent')).toEqual({
      description: 'Share of failed answers that evicts a region', default: 5, type: 'integer', minimum: 1, maximum: 50,
    });
  });

  test('read by code, with no JSON Schema form in json-checks.ts, stops docs:config naming it', () => {
    const readAnything = (value: unknown) => value as string;
    const withList = { ...SCHEMA, extraUrls: list(readAnything, 'a URL', { default: [], meaning: 'x' }) };
    expect(() => configJsonSchema(withList)).toThrow('extraUrls is read by code: give the JSON Schema form of its check in tools/config-table/json-checks.ts');
    const withCustom = { ...SCHEMA, extra: custom('object', 'anything', readAnything, { default: 'x', meaning: 'x' }) };
    expect(() => configJsonSchema(withCustom)).toThrow('extra is read by code');
  });

  test('a code check for a setting the schema does not declare is an error, not ignored', () => {
    expect(() => configJsonSchema(SCHEMA, { ...CODE_CHECKS, 'dns.tll': { maxLength: 1 } }))
      .toThrow('json-checks.ts names settings the schema does not declare: dns.tll');
  });
});

test('config/example.json names it in $schema, relative to itself (so a copy beside it does too)', () => {
  expect(resolve(dirname(EXAMPLE), readJson(EXAMPLE).$schema as string)).toBe(SCHEMA_PATH);
});

test('every object with settings refuses unknown keys, and every setting carries its meaning and default', () => {
  const text = readFileSync(SCHEMA_PATH, 'utf8');
  const withoutConditions = JSON.stringify(JSON.parse(text, (key, value) => (key === 'if' ? undefined : value)));
  const objects: Array<Record<string, unknown>> = [];
  JSON.parse(withoutConditions, (_key, value) => {
    if (value && typeof value === 'object' && 'properties' in value && value.type === 'object') objects.push(value);
    return value;
  });
  expect(objects.length).toBeGreaterThan(5);
  objects.forEach((object) => expect(object.additionalProperties).toBe(false));

  for (const { path, field } of settings()) {
    const property = path.split('.').reduce<Record<string, unknown>>(
      (at, key) => (at.properties as Record<string, Record<string, unknown>>)[key], readJson(SCHEMA_PATH));
    expect({ path, description: property.description }).toEqual({ path, description: expect.stringContaining(field.meaning) });
    if (field.defaultValue !== undefined) expect({ path, default: property.default }).toEqual({ path, default: field.defaultValue });
  }
});

const goodFiles: Array<[string, unknown]> = [
  ['config/example.json', readJson(EXAMPLE)],
  ['the minimal file', MINIMAL],
  ...EVERY_BACKEND.map((file): [string, unknown] => [`every setting, ${file.state.backend} backend`, file]),
  ['every AWS region', { ...MINIMAL, regions: AWS_REGIONS }],
  ['the day-2 scenarios\' live stack', BASE_CONFIG],
  ...Object.entries(SCENARIOS).map(([name, file]): [string, unknown] => [`the day-2 scenario ${name}`, file]),
];

test.each(goodFiles)('accepted by synth and by config/schema.json: %s', (_name, raw) => {
  expect(() => validateConfig(raw)).not.toThrow();
  expect(jsonSchemaErrors(raw)).toEqual([]);
});

/** A file in which `path` can be set on its own: the minimal one, or for a backend's setting one using that backend. */
function baseFor(backend: string | undefined): object {
  return backend === undefined ? MINIMAL : EVERY_BACKEND.find((file) => file.state.backend === backend)!;
}

/** Values around what a setting's declaration allows: its default, its bounds and just past them, wrong types. */
function probes(field: Field<unknown>): unknown[] {
  const { check } = field;
  const around = field.defaultValue === undefined ? [] : [field.defaultValue];
  if (check.kind === 'integer') return [...around, check.min - 1, check.min, check.max, check.max + 1, check.min + 0.5, String(check.max)];
  if (check.kind === 'oneOf') return [...around, ...check.allowed, 'none of these', 7, null];
  if (check.kind === 'text') return [...around, '', ' \t', 'x', 42];
  if (check.kind === 'list') return [...around, [], 'not a list', [7]];
  return [...around, 'not an object', null];
}

const probeCases = settings().flatMap(({ path, field, backend }) => probes(field).map((value): [string, Record<string, unknown>] => [
  `${path} = ${JSON.stringify(value)}`, withSetting(baseFor(backend), path, value),
]));

test.each(probeCases)('config/schema.json gives synth\'s verdict on %s', (name, raw) => {
  const { synth, jsonSchema, errors } = verdicts(raw);
  expect({ name, jsonSchema, errors: synth ? errors : [] }).toEqual({ name, jsonSchema: synth || name in BEYOND_JSON_SCHEMA, errors: [] });
});

test('EVERY_SETTING sets every setting', () => {
  const given = settings().filter(({ backend }) => backend === undefined || backend === 's3').map(({ path }) => path);
  const unset = given.filter((path) => path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], EVERY_SETTING) === undefined);
  expect(unset).toEqual([]);
});
