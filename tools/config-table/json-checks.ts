import { HEALTH_CHECK_OWN_TAG_KEYS, MAX_HEALTH_CHECK_TAGS, MAX_TAGS_PER_RESOURCE } from '../../src/aws/tag-limits';
import { ACM_DOMAIN_NAME_LIMIT } from '../../src/config/aws-limits';
import { AWS_REGIONS, HEALTH_CHECKER_REGIONS, MIN_CHECKER_REGIONS } from '../../src/config/aws-regions';
import { EMAIL, ORIGIN, TAG_TEXT } from '../../src/config/readers';
import { REGION_PLACEHOLDER } from '../../src/config/regional-hostname';
import { PUBLIC_SECOND_LABELS } from '../../src/config/zone-apex';
import {
  IP_ADDRESS, RESERVED_PREFIXES, RESERVED_SUFFIXES, SHAPE as BUCKET_SHAPE,
} from '../../src/config/s3-bucket-name';

export type JsonSchema = { readonly [keyword: string]: unknown };

/** Matches a string that is not blank: what readString asks of every string before anything else. */
export const NON_BLANK = '\\S';

/** Schemas several settings share, by name: config/schema.json's `$defs`. */
export const DEFINITIONS: Readonly<Record<string, JsonSchema>> = {
  awsRegion: { type: 'string', enum: AWS_REGIONS },
};
const AWS_REGION: JsonSchema = { $ref: '#/$defs/awsRegion' };

/** readOrigin: "*", or an origin whose port (if any) is 1 to 65535. */
const ORIGIN_ITEM: JsonSchema = {
  anyOf: [
    { const: '*' },
    { type: 'string', pattern: ORIGIN.source, not: { pattern: ':(0+|6553[6-9]|655[4-9]\\d|65[6-9]\\d\\d|6[6-9]\\d{3}|[7-9]\\d{4})$' } },
  ],
};

/** readTags, and checkTagCounts of aws-limits.ts. */
const TAGS: JsonSchema = {
  type: 'object',
  propertyNames: { minLength: 1, maxLength: 128, pattern: TAG_TEXT.source, not: { pattern: '^[Aa][Ww][Ss]:' } },
  additionalProperties: { type: 'string', maxLength: 256, pattern: TAG_TEXT.source },
  maxProperties: MAX_TAGS_PER_RESOURCE,
  ...tagsOnHealthCheck(MAX_HEALTH_CHECK_TAGS, HEALTH_CHECK_OWN_TAG_KEYS),
};

/**
 * The default tags and the health check's own keys together number at most `limit`: each own key the file does not
 * also give takes one place.
 */
function tagsOnHealthCheck(limit: number, ownKeys: readonly string[]): JsonSchema {
  if (ownKeys.length === 0) return { maxProperties: limit };
  const [key, ...rest] = ownKeys;
  return { if: { required: [key] }, then: tagsOnHealthCheck(limit, rest), else: tagsOnHealthCheck(limit - 1, rest) };
}

/** checkRules' CNAME at the zone apex: isCertainlyZoneApex of zone-apex.ts, as a pattern of domainName. */
const CNAME_NOT_AT_APEX: JsonSchema = {
  if: { required: ['dns'], properties: { dns: { type: 'object', required: ['recordType'], properties: { recordType: { const: 'CNAME' } } } } },
  then: {
    properties: {
      domainName: { type: 'string', not: { pattern: `^[^.]+\\.[^.]+$|^[^.]+\\.(${[...PUBLIC_SECOND_LABELS].join('|')})\\.[^.]{2}$` } },
    },
  },
};

/** bucketNameProblem of s3-bucket-name.ts. */
const BUCKET_NAME: readonly JsonSchema[] = [
  { pattern: BUCKET_SHAPE.source },
  { not: { pattern: escape('..') } },
  { not: { pattern: IP_ADDRESS.source } },
  { not: { pattern: `^(${RESERVED_PREFIXES.map(escape).join('|')})` } },
  { not: { pattern: `(${RESERVED_SUFFIXES.map(escape).join('|')})$` } },
];

/**
 * The JSON Schema form of the checks written as code, by setting path: the readers of list items and custom settings
 * (readers.ts), and the rules (rules.ts) and AWS limits (aws-limits.ts) that JSON Schema can state, each built from
 * the constants the code checks with (`''` is the file as a whole). config/schema.json adds these to what each declaration says of itself.
 * What JSON Schema cannot state is listed, with the reason, in __tests__/helpers/json-schema.ts.
 */
export const CODE_CHECKS: Readonly<Record<string, JsonSchema>> = {
  '': CNAME_NOT_AT_APEX,
  domainName: { maxLength: ACM_DOMAIN_NAME_LIMIT },
  regions: { items: AWS_REGION },
  retiredRegions: { items: AWS_REGION },
  tags: TAGS,
  'cors.allowOrigins': { items: ORIGIN_ITEM, if: { contains: { const: '*' } }, then: { maxItems: 1 } },
  healthCheck: { dependentSchemas: { regionalHostname: { properties: { target: { const: 'hostname' } } } } },
  'healthCheck.regionalHostname': { allOf: [{ pattern: escape(REGION_PLACEHOLDER) }] },
  'healthCheck.checkerRegions': {
    items: { type: 'string', enum: HEALTH_CHECKER_REGIONS }, not: { minItems: 1, maxItems: MIN_CHECKER_REGIONS - 1 },
  },
  'healthCheck.dependencies': { items: { type: 'string', pattern: NON_BLANK } },
  dns: { dependentSchemas: { ttl: { required: ['recordType'], properties: { recordType: { const: 'CNAME' } } } } },
  'alarms.emails': { items: { type: 'string', pattern: EMAIL.source } },
  'state.bucket': { allOf: BUCKET_NAME },
  'state.key': { allOf: [{ not: { pattern: '/$' } }, { not: { pattern: '//' } }] },
  'state.region': AWS_REGION,
};

function escape(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
