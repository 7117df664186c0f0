import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import { readFileSync } from 'fs';
import { join } from 'path';

/** config/schema.json as the repository holds it. */
export const SCHEMA_PATH = join(__dirname, '..', '..', 'config', 'schema.json');

let compiled: ValidateFunction | undefined;

/**
 * config/schema.json compiled by ajv's draft 2020-12 validator in strict mode (unknown keywords, formats and types are
 * errors); `strictRequired` is off because a variant's `then` requires settings declared beside it, not inside it.
 */
export function jsonSchemaValidator(): ValidateFunction {
  compiled ??= new Ajv2020({ strict: true, strictRequired: false, allErrors: true })
    .compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')));
  return compiled;
}

/** ajv's complaints about `raw`, one line each; empty when config/schema.json accepts it. */
export function jsonSchemaErrors(raw: unknown): string[] {
  const validate = jsonSchemaValidator();
  if (validate(raw)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(top level)'} ${error.message}`);
}

/**
 * The refused configs of the tests that config/schema.json lets through, by test name, each with what JSON Schema
 * cannot say. Every other refused config must be refused by config/schema.json too.
 */
export const BEYOND_JSON_SCHEMA: Readonly<Record<string, string>> = {
  'retired region still in regions': 'compares two settings (regions and retiredRegions)',
  'dependency budget beyond the function timeout': 'compares two settings (lambda.timeoutSeconds, in another section)',
  'lambda.timeoutSeconds = 1': 'compares two settings (healthCheck.dependencyTimeoutMs, 1500 by default, in another section)',
  'dependency not a URL': 'needs a URL parser (any scheme, any case, spaces trimmed)',
  'dependency URL with user:password@': 'needs a URL parser to find the user info',
  'dependency URL with a user only': 'needs a URL parser to find the user info',
  'hostname outside the domain': 'the name is built from domainName and each of regions',
  'hostname not a DNS name': 'the name is built from domainName and each of regions',
  'hostname label over 63': 'the name is built from domainName and each of regions',
  'Lambda environment over 4 KB from CORS origins': 'a size in bytes of the function environment built from the settings',
  'Lambda environment over 4 KB from dependencies': 'a size in bytes of the function environment built from the settings',
  'default bucket made from a namePrefix like xn--api': 'the default bucket name is built from namePrefix',
  'default bucket made from a namePrefix like sthree-x': 'the default bucket name is built from namePrefix',
  'state key over 1,024 bytes (fewer characters)': 'a length in UTF-8 bytes; JSON Schema counts characters',
  'dependency with a scheme other than http(s)': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on localhost': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on a *.localhost name': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on 127.0.0.1': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on [::1]': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on loopback spelt as a number': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on loopback spelt in hex': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on IPv4-mapped loopback': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on the instance metadata address': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on a link-local address': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on 10/8': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on 172.16/12': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on 192.168/16': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on carrier-grade NAT space': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on a unique local IPv6 address': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on 0.0.0.0': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on IPv4-mapped private space': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency with a password in its query': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency with a presigned-URL signature': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency with a token in its fragment': 'needs a URL parser (the host in any of its spellings, query keys, the fragment)',
  'dependency on the API\'s own name': 'compares each URL\'s host with domainName, through a URL parser',
  'dependency on a regional hostname': 'compares each URL\'s host with names built from domainName and each of regions',
  'dependency on a name under the API\'s own': 'compares each URL\'s host with domainName, through a URL parser',
  'request floor above what the probes bring (30 s interval)': 'arithmetic over settings (checker regions x period / interval)',
  'request floor above what three checker regions bring': 'arithmetic over settings (checker regions x period / interval)',
  'healthCheck.requestInterval = 30': 'arithmetic over settings: with the default request floor (20) the probes bring too few requests',
  'healthCheck.errorRate.minRequests = 100000': 'arithmetic over settings (checker regions x period / interval)',
  'tag keys equal but for case': 'compares property names with each other',
};

/**
 * Holds config/schema.json to a config the tests refuse, by test name: refused as well, or listed in
 * BEYOND_JSON_SCHEMA and accepted (so the list says exactly what the schema misses).
 */
export function expectJsonSchemaRefuses(name: string, raw: unknown): void {
  const errors = jsonSchemaErrors(raw);
  if (name in BEYOND_JSON_SCHEMA) {
    expect({ name, errors }).toEqual({ name, errors: [] });
  } else if (errors.length === 0) {
    throw new Error(`config/schema.json accepts "${name}", which synth refuses: state it in tools/config-table/json-checks.ts, `
      + 'or list it with the reason in BEYOND_JSON_SCHEMA (__tests__/helpers/json-schema.ts)');
  }
}
