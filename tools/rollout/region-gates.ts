import { CLIENT_HELLO_PATH } from '../../src/contract';
import { parseReference } from '../stack-model/references';
import { Release } from './release';
import { RolloutError } from './errors';

/**
 * The error-rate threshold when the release has no error-rate alarm (`healthCheck.errorRate.enabled: false`): the
 * schema's default for that alarm.
 */
export const DEFAULT_FAILURE_THRESHOLD = 0.05;

/** What the gates of one region read, from the release's `regions` output (names literal, checks by address). */
export interface RegionGateNames {
  readonly region: string;
  /** The region's own hostname (`healthCheck.target: "hostname"`), where synthetic requests go. */
  readonly hostname?: string;
  /** Resource address and attribute of the stage's invoke URL, for a release without hostnames. */
  readonly invokeUrl?: { readonly address: string; readonly attribute: string };
  readonly errorRateAlarm?: string;
  readonly requestCountAlarm?: string;
  /** Addresses of the region's Route 53 checks; their ids are in the state once applied. */
  readonly healthRouteCheck?: string;
  readonly servedRouteCheck?: string;
  readonly dnsCheck?: string;
}

type RegionOutput = Record<string, unknown>;

/** The gate names of `region` in `release`; a release whose outputs lack the region is refused in one line. */
export function regionGateNames(release: Release, region: string): RegionGateNames {
  const output = (release.model.outputs().get('regions') ?? {}) as Record<string, RegionOutput>;
  const fields = output[region];
  if (!fields) throw new RolloutError(`release ${release.dir} has no "regions" output for ${region}`);
  const literal = (key: string) => (fields[key] === undefined || fields[key] === null ? undefined
    : release.model.literal(fields[key], `output regions.${region}.${key}`));
  const address = (key: string) => {
    const reference = parseReference(fields[key]);
    return reference ? `${reference.type}.${reference.name}` : undefined;
  };
  const stage = parseReference(fields.invoke_url);
  return {
    region,
    hostname: literal('hostname'),
    invokeUrl: stage ? { address: `${stage.type}.${stage.name}`, attribute: stage.attribute } : undefined,
    errorRateAlarm: literal('error_rate_alarm_name'),
    requestCountAlarm: literal('request_count_alarm_name'),
    healthRouteCheck: address('health_check_id'),
    servedRouteCheck: address('served_route_check_id'),
    dnsCheck: address('dns_health_check_id'),
  };
}

/** Where synthetic requests go on AWS: the region's own hostname, else its stage URL (from the state). */
export function helloUrl(names: RegionGateNames, stateValue: (address: string, attribute: string) => unknown): string {
  if (names.hostname) return `https://${names.hostname}${CLIENT_HELLO_PATH}`;
  const invoke = names.invokeUrl ? stateValue(names.invokeUrl.address, names.invokeUrl.attribute) : undefined;
  if (typeof invoke !== 'string') throw new RolloutError(`${names.region} has no hostname and no stage URL in the state: is it applied?`);
  return `${invoke.replace(/\/$/, '')}/helloworld`;
}

/** The share of failed requests above which a bake fails: the release's error-rate alarm threshold (the lowest). */
export function failureThreshold(release: Release): number {
  const thresholds = release.model.resources('aws_cloudwatch_metric_alarm')
    .filter((alarm) => alarm.body.metric_name === '5XXError' && typeof alarm.body.threshold === 'number')
    .map((alarm) => alarm.body.threshold as number);
  return thresholds.length > 0 ? Math.min(...thresholds) : DEFAULT_FAILURE_THRESHOLD;
}

/**
 * How long a rollback may wait for its regions to be healthy and in DNS again, in model seconds: twice the slower
 * of the release's two failover outputs (recovery takes about one clean period plus reaction and TTL).
 */
export function defaultRollbackWaitSeconds(release: Release): number {
  const outputs = release.model.outputs();
  const seconds = ['error_rate_failover_seconds', 'failover_seconds'].map((name) => outputs.get(name)).filter((v): v is number => typeof v === 'number');
  return 2 * Math.max(120, ...seconds);
}
