import { AWS_REGIONS } from './aws-regions';
import { DEFAULTS } from './defaults';
import { JsonObject, optional, Problems, readList, readObject, readString } from './fields';
import { readAlarms, readApi, readCors, readDns, readHealthCheck, readLambda, readTags } from './sections';
import { readState } from './state';
import { MultiRegionConfig } from './types';

const TOP_LEVEL_KEYS = [
  'domainName', 'hostedZoneId', 'regions', 'namePrefix', 'tags', 'cors', 'lambda', 'healthCheck', 'dns', 'api',
  'alarms', 'state',
];

export const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const NAME_PREFIX = /^[a-z][a-z0-9-]{0,19}$/;

export class ConfigError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates parsed JSON into a complete config, or throws one ConfigError that lists every problem. */
export function validateConfig(raw: unknown, source = 'config'): MultiRegionConfig {
  const problems = new Problems();
  const top = readObject(raw, '', TOP_LEVEL_KEYS, problems);
  if (!top) throw new ConfigError(source, problems.all);

  const domainName = required(top, 'domainName', problems, (v) => readString(v, 'domainName', problems, {
    pattern: DOMAIN_NAME, describe: 'a lower-case DNS name like api.example.com',
  }));
  const hostedZoneId = required(top, 'hostedZoneId', problems, (v) => readString(v, 'hostedZoneId', problems, {
    pattern: HOSTED_ZONE_ID, describe: 'a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ',
  }));
  const regions = required(top, 'regions', problems, (v) => readList(v, 'regions', problems, readRegion(problems), {
    minItems: 1,
  }));
  const namePrefix = optional(top, 'namePrefix', DEFAULTS.namePrefix, (v) => readString(v, 'namePrefix', problems, {
    pattern: NAME_PREFIX, describe: 'lower-case letters, digits and dashes, starting with a letter, at most 20 long',
  }));
  const tags = optional(top, 'tags', {}, (v) => readTags(v, problems));
  const cors = readCors(top.cors, problems);
  const lambda = readLambda(top.lambda, problems);
  const healthCheck = readHealthCheck(top.healthCheck, problems, lambda);
  const dns = readDns(top.dns, problems);
  const api = readApi(top.api, problems);
  const alarms = readAlarms(top.alarms, problems);
  const state = readState(top.state, problems, { namePrefix: namePrefix ?? DEFAULTS.namePrefix, regions });

  if (problems.all.length > 0) throw new ConfigError(source, problems.all);
  return {
    domainName: domainName!, hostedZoneId: hostedZoneId!, regions: regions!, namePrefix: namePrefix!, tags: tags!,
    cors: cors!, lambda: lambda!, healthCheck: healthCheck!, dns: dns!, api: api!, alarms: alarms!, state: state!,
  };
}

function required<T>(object: JsonObject, key: string, problems: Problems, read: (value: unknown) => T | undefined) {
  if (object[key] === undefined) return problems.add(key, 'is required');
  return read(object[key]);
}

export function readRegion(problems: Problems) {
  return (value: unknown, field: string): string | undefined => {
    const code = readString(value, field, problems, { pattern: REGION_CODE, describe: 'an AWS region code like us-east-1' });
    if (code === undefined) return undefined;
    if (!AWS_REGIONS.includes(code)) return problems.bad(field, code, 'is not an AWS region');
    return code;
  };
}
