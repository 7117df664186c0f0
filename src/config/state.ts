import { AWS_REGIONS } from './aws-regions';
import { DEFAULTS, defaultStateBucket } from './defaults';
import { optional, Problems, readObject, readOneOf, readString } from './fields';
import { StateConfig } from './types';

const BUCKET = /^(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const TABLE = /^[A-Za-z0-9_.-]{3,255}$/;
const TFC_NAME = /^[A-Za-z0-9_-]{1,90}$/;
const HOSTNAME = /^[a-z0-9.-]+(:\d{1,5})?$/;

const KEYS_BY_BACKEND = {
  s3: ['backend', 'bucket', 'key', 'region', 'dynamodbTable'],
  cloud: ['backend', 'organization', 'workspace', 'hostname'],
  local: ['backend', 'path'],
} as const;

export interface StateContext {
  readonly namePrefix: string;
  readonly regions: readonly string[] | undefined;
}

/** Reads `state`: which backend holds the `multi-region-api` stack's state, and where. */
export function readState(value: unknown, problems: Problems, context: StateContext): StateConfig | undefined {
  const raw = value === undefined ? {} : value;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return problems.bad('state', value, 'must be an object');
  }
  const backend = optional(raw as Record<string, unknown>, 'backend', DEFAULTS.stateBackend as StateConfig['backend'],
    (v) => readOneOf<StateConfig['backend']>(v, 'state.backend', problems, ['s3', 'cloud', 'local']));
  if (!backend) return undefined;
  const state = readObject(raw, 'state', KEYS_BY_BACKEND[backend], problems);
  if (!state) return undefined;
  const text = (key: string, rule: Parameters<typeof readString>[3]) => (v: unknown) =>
    readString(v, `state.${key}`, problems, rule);

  if (backend === 's3') {
    const bucket = optional(state, 'bucket', defaultStateBucket(context.namePrefix),
      text('bucket', { pattern: BUCKET, describe: 'a valid S3 bucket name (3-63 lower-case letters, digits, dots, dashes)' }));
    const key = optional(state, 'key', DEFAULTS.stateKey,
      text('key', { pattern: /^[^/].*$/, describe: 'an object key that does not start with "/"', maxLength: 1024 }));
    const region = optional(state, 'region', context.regions?.[0] ?? 'us-east-1', (v) => {
      const code = readString(v, 'state.region', problems);
      return code !== undefined ? readOneOf(code, 'state.region', problems, AWS_REGIONS) : undefined;
    });
    const dynamodbTable = optional<string | undefined>(state, 'dynamodbTable', undefined,
      text('dynamodbTable', { pattern: TABLE, describe: 'a DynamoDB table name' }));
    if (!bucket || !key || !region || (state.dynamodbTable !== undefined && !dynamodbTable)) return undefined;
    return { backend, bucket, key, region, ...(dynamodbTable ? { dynamodbTable } : {}) };
  }
  if (backend === 'cloud') {
    const organization = state.organization === undefined
      ? problems.add('state.organization', 'is required when state.backend is "cloud"')
      : text('organization', { pattern: TFC_NAME, describe: 'a Terraform Cloud organization name' })(state.organization);
    const workspace = state.workspace === undefined
      ? problems.add('state.workspace', 'is required when state.backend is "cloud"')
      : text('workspace', { pattern: TFC_NAME, describe: 'a Terraform Cloud workspace name' })(state.workspace);
    const hostname = optional(state, 'hostname', DEFAULTS.cloudHostname,
      text('hostname', { pattern: HOSTNAME, describe: 'a host name like app.terraform.io' }));
    if (!organization || !workspace || !hostname) return undefined;
    return { backend, organization, workspace, hostname };
  }
  const path = optional(state, 'path', DEFAULTS.localStatePath, text('path', {}));
  return path ? { backend, path } : undefined;
}
