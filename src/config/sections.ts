import { HEALTH_CHECKER_REGIONS, LOG_RETENTION_DAYS } from './aws-regions';
import { DEFAULTS } from './defaults';
import { optional, Problems, readInteger, readList, readObject, readOneOf, readString } from './fields';
import {
  AlarmsConfig, ApiConfig, CorsConfig, DnsConfig, DnsRecordType, HealthCheckConfig, HealthCheckInterval, LambdaConfig,
} from './types';

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
/** Route 53 gives an HTTPS health check 2 s to connect and answer; the probe budget must leave room for the reply. */
const ROUTE53_ANSWER_WINDOW_MS = 2000;

/** A section absent from the file is all defaults; a present one is checked key by key. */
function section(value: unknown, field: string, keys: readonly string[], problems: Problems) {
  return value === undefined ? {} : readObject(value, field, keys, problems);
}

export function readTags(value: unknown, problems: Problems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.bad('tags', value, 'must be an object of tag names to string values');
  }
  const tags = value as Record<string, unknown>;
  let ok = true;
  for (const [key, tagValue] of Object.entries(tags)) {
    const field = `tags.${key}`;
    if (key.length > 128 || key.toLowerCase().startsWith('aws:')) {
      ok = false;
      problems.bad(field, key, 'is not a usable tag name (at most 128 characters, not starting with "aws:")');
    } else if (typeof tagValue !== 'string' || tagValue.length > 256) {
      ok = false;
      problems.bad(field, tagValue, 'must be a string of at most 256 characters');
    }
  }
  return ok ? (tags as Record<string, string>) : undefined;
}

export function readCors(value: unknown, problems: Problems): CorsConfig | undefined {
  const cors = section(value, 'cors', ['allowOrigins'], problems);
  if (!cors) return undefined;
  const allowOrigins = optional(cors, 'allowOrigins', [...DEFAULTS.corsAllowOrigins], (v) =>
    readList(v, 'cors.allowOrigins', problems, (item, field) => {
      if (item === '*') return '*';
      return readString(item, field, problems, { pattern: ORIGIN, describe: '"*" or an origin like https://app.example.com' });
    }, { minItems: 1 }));
  if (allowOrigins && allowOrigins.length > 1 && allowOrigins.includes('*')) {
    return problems.bad('cors.allowOrigins', allowOrigins, 'may hold "*" only on its own');
  }
  return allowOrigins && { allowOrigins };
}

export function readLambda(value: unknown, problems: Problems): LambdaConfig | undefined {
  const lambda = section(value, 'lambda', ['memoryMb', 'timeoutSeconds', 'logRetentionDays'], problems);
  if (!lambda) return undefined;
  const memoryMb = optional(lambda, 'memoryMb', DEFAULTS.lambdaMemoryMb,
    (v) => readInteger(v, 'lambda.memoryMb', problems, 128, 10240));
  // API Gateway stops waiting for an integration after 29 s, so a longer Lambda timeout buys nothing.
  const timeoutSeconds = optional(lambda, 'timeoutSeconds', DEFAULTS.lambdaTimeoutSeconds,
    (v) => readInteger(v, 'lambda.timeoutSeconds', problems, 1, 29));
  const logRetentionDays = optional(lambda, 'logRetentionDays', DEFAULTS.logRetentionDays,
    (v) => readOneOf(v, 'lambda.logRetentionDays', problems, LOG_RETENTION_DAYS));
  if (memoryMb === undefined || timeoutSeconds === undefined || logRetentionDays === undefined) return undefined;
  return { memoryMb, timeoutSeconds, logRetentionDays };
}

export function readHealthCheck(
  value: unknown, problems: Problems, lambda: LambdaConfig | undefined,
): HealthCheckConfig | undefined {
  const health = section(value, 'healthCheck',
    ['requestInterval', 'failureThreshold', 'checkerRegions', 'dependencies', 'dependencyTimeoutMs'], problems);
  if (!health) return undefined;
  const requestInterval = optional(health, 'requestInterval', DEFAULTS.healthCheckRequestInterval as HealthCheckInterval,
    (v) => readOneOf<HealthCheckInterval>(v, 'healthCheck.requestInterval', problems, [10, 30]));
  const failureThreshold = optional(health, 'failureThreshold', DEFAULTS.healthCheckFailureThreshold,
    (v) => readInteger(v, 'healthCheck.failureThreshold', problems, 1, 10));
  const checkerRegions = optional(health, 'checkerRegions', [] as string[], (v) => {
    const regions = readList(v, 'healthCheck.checkerRegions', problems,
      (item, field) => readOneOf(item, field, problems, HEALTH_CHECKER_REGIONS));
    if (regions && regions.length > 0 && regions.length < 3) {
      return problems.bad('healthCheck.checkerRegions', v, 'must list at least 3 regions, or none for Route 53\'s default set');
    }
    return regions;
  });
  const dependencies = optional(health, 'dependencies', [] as string[], (v) =>
    readList(v, 'healthCheck.dependencies', problems, (item, field) => readUrl(item, field, problems)));
  const dependencyTimeoutMs = optional(health, 'dependencyTimeoutMs', DEFAULTS.healthCheckDependencyTimeoutMs,
    (v) => readInteger(v, 'healthCheck.dependencyTimeoutMs', problems, 100, ROUTE53_ANSWER_WINDOW_MS - 100));
  if (dependencyTimeoutMs !== undefined && lambda && dependencyTimeoutMs >= lambda.timeoutSeconds * 1000) {
    problems.bad('healthCheck.dependencyTimeoutMs', dependencyTimeoutMs,
      `must be shorter than lambda.timeoutSeconds (${lambda.timeoutSeconds} s)`);
    return undefined;
  }
  if ([requestInterval, failureThreshold, checkerRegions, dependencies, dependencyTimeoutMs].includes(undefined)) {
    return undefined;
  }
  return {
    requestInterval: requestInterval!, failureThreshold: failureThreshold!, checkerRegions: checkerRegions!,
    dependencies: dependencies!, dependencyTimeoutMs: dependencyTimeoutMs!,
  };
}

function readUrl(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  return problems.bad(field, text, 'is not an http(s) URL');
}

export function readDns(value: unknown, problems: Problems): DnsConfig | undefined {
  const dns = section(value, 'dns', ['recordType', 'ttl'], problems);
  if (!dns) return undefined;
  const recordType = optional(dns, 'recordType', DEFAULTS.dnsRecordType as DnsRecordType,
    (v) => readOneOf<DnsRecordType>(v, 'dns.recordType', problems, ['ALIAS', 'CNAME']));
  if (recordType === 'ALIAS' && dns.ttl !== undefined) {
    return problems.bad('dns.ttl', dns.ttl, 'applies only to dns.recordType "CNAME" (ALIAS records answer with a 60 s TTL)');
  }
  const ttl = optional(dns, 'ttl', DEFAULTS.dnsTtl, (v) => readInteger(v, 'dns.ttl', problems, 0, 172800));
  return recordType && ttl !== undefined ? { recordType, ttl } : undefined;
}

export function readApi(value: unknown, problems: Problems): ApiConfig | undefined {
  const api = section(value, 'api', ['throttlingRateLimit', 'throttlingBurstLimit'], problems);
  if (!api) return undefined;
  const throttlingRateLimit = optional(api, 'throttlingRateLimit', DEFAULTS.throttlingRateLimit,
    (v) => readInteger(v, 'api.throttlingRateLimit', problems, 1, 10000));
  const throttlingBurstLimit = optional(api, 'throttlingBurstLimit', DEFAULTS.throttlingBurstLimit,
    (v) => readInteger(v, 'api.throttlingBurstLimit', problems, 1, 5000));
  if (throttlingRateLimit === undefined || throttlingBurstLimit === undefined) return undefined;
  return { throttlingRateLimit, throttlingBurstLimit };
}

export function readAlarms(value: unknown, problems: Problems): AlarmsConfig | undefined {
  const alarms = section(value, 'alarms', ['emails'], problems);
  if (!alarms) return undefined;
  const emails = optional(alarms, 'emails', [] as string[], (v) => readList(v, 'alarms.emails', problems,
    (item, field) => readString(item, field, problems, { pattern: EMAIL, describe: 'an email address' })));
  return emails && { emails };
}
