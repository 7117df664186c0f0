import { executeApiHost, parseExecuteApiHost } from '../../src/aws/api-gateway';
import { ALIAS_TTL_SECONDS } from '../../src/aws/route53';
import { HEALTH_CHECKER_REGIONS } from '../../src/config/aws-regions';
import { DerivedCheckModel, HealthCheckModel, LatencyRecordModel } from './model';
import { block } from '../stack-model/references';
import { StackModel } from '../stack-model/stack-model';


/** Route 53 check types that combine other signals instead of probing an endpoint. */
const DERIVED_TYPES = ['CALCULATED', 'CLOUDWATCH_METRIC'];

/**
 * Every aws_route53_health_check that probes an endpoint, with the region its fqdn leads to: the region of the
 * execute-api host it names, or, for a hostname, the region of the custom domain that the hostname's (non-latency)
 * ALIAS record points at.
 */
export function readHealthChecks(stack: StackModel): Map<string, HealthCheckModel> {
  const checks = new Map<string, HealthCheckModel>();
  for (const { name: id, address: what, body: check } of stack.resources('aws_route53_health_check')) {
    if (DERIVED_TYPES.includes(String(check.type))) continue;
    const target = parseExecuteApiHost(String(check.fqdn)) ? executeApiTarget(stack, what, check.fqdn)
      : hostnameTarget(stack, what, stack.literal(check.fqdn, `${what}.fqdn`));
    checks.set(id, {
      id,
      ...target,
      type: String(check.type),
      resourcePath: stack.literal(check.resource_path, `${what}.resource_path`),
      searchString: check.search_string === undefined ? '' : stack.literal(check.search_string, `${what}.search_string`),
      requestInterval: Number(check.request_interval ?? 30),
      failureThreshold: Number(check.failure_threshold ?? 3),
      checkerRegions: checkerRegions(check.regions, `${what}.regions`),
    });
  }
  return checks;
}

/** Every CALCULATED and CLOUDWATCH_METRIC aws_route53_health_check, with the checks or alarm it reads. */
export function readDerivedChecks(stack: StackModel): Map<string, DerivedCheckModel> {
  const checks = new Map<string, DerivedCheckModel>();
  for (const { name: id, address: what, body: check } of stack.resources('aws_route53_health_check')) {
    if (check.type === 'CALCULATED') {
      const children = check.child_healthchecks;
      if (!Array.isArray(children)) throw new Error(`${what}.child_healthchecks: expected a list, found ${JSON.stringify(children)}`);
      checks.set(id, {
        kind: 'calculated',
        id,
        childIds: children.map((child, index) => stack.referenced(child, 'aws_route53_health_check', `${what}.child_healthchecks[${index}]`).name),
        healthyChildren: Number(check.child_health_threshold ?? 0),
      });
    } else if (check.type === 'CLOUDWATCH_METRIC') {
      const status = String(check.insufficient_data_health_status ?? 'LastKnownStatus');
      if (!['Healthy', 'Unhealthy', 'LastKnownStatus'].includes(status)) throw new Error(`${what}.insufficient_data_health_status: unknown "${status}"`);
      checks.set(id, {
        kind: 'alarm',
        id,
        alarmId: stack.referenced(check.cloudwatch_alarm_name, 'aws_cloudwatch_metric_alarm', `${what}.cloudwatch_alarm_name`).name,
        alarmRegion: stack.literal(check.cloudwatch_alarm_region, `${what}.cloudwatch_alarm_region`),
        insufficientDataHealthStatus: status as 'Healthy' | 'Unhealthy' | 'LastKnownStatus',
      });
    }
  }
  return checks;
}

/** A check's `regions`, or every checker region (Route 53's default set) when unset or empty. */
function checkerRegions(regions: unknown, what: string): readonly string[] {
  if (regions === undefined || (Array.isArray(regions) && regions.length === 0)) return HEALTH_CHECKER_REGIONS;
  if (!Array.isArray(regions) || !regions.every((r) => typeof r === 'string')) {
    throw new Error(`${what}: expected a list of checker regions, found ${JSON.stringify(regions)}`);
  }
  return regions as string[];
}

function executeApiTarget(stack: StackModel, what: string, fqdn: unknown): Pick<HealthCheckModel, 'targetRegion' | 'host' | 'viaCustomDomain'> {
  const { region } = parseExecuteApiHost(String(fqdn))!;
  const restApi = stack.referenced(fqdn, 'aws_api_gateway_rest_api', `${what}.fqdn`);
  const apiRegion = stack.requireRegion(restApi);
  if (apiRegion !== region) throw new Error(`${what}.fqdn names region ${region} but ${restApi.address} is in ${apiRegion}`);
  return { targetRegion: apiRegion, host: executeApiHost(restApi.name, apiRegion), viaCustomDomain: false };
}

/** The region a hostname resolves to: the one whose custom domain its simple ALIAS (or CNAME) record points at. */
function hostnameTarget(stack: StackModel, what: string, host: string): Pick<HealthCheckModel, 'targetRegion' | 'host' | 'viaCustomDomain'> {
  const record = stack.resources('aws_route53_record')
    .find((r) => r.body.name === host && !block(r.body.latency_routing_policy) && r.body.type !== 'AAAA');
  if (!record) {
    throw new Error(`${what}.fqdn: ${host} is neither an execute-api host nor answered by an aws_route53_record of the stack`);
  }
  const target = block(record.body.alias)?.name ?? (record.body.records as unknown[] | undefined)?.[0];
  const domain = stack.referenced(target, 'aws_api_gateway_domain_name', `${record.address} target`);
  if (stack.literal(domain.body.domain_name, `${domain.address}.domain_name`) !== host) {
    throw new Error(`${record.address} sends ${host} to ${domain.address}, a custom domain for another name`);
  }
  return { targetRegion: stack.requireRegion(domain), host, viaCustomDomain: true };
}

/**
 * The latency records (those with a latency_routing_policy), each resolved to the region whose custom domain it points
 * at. A records and CNAMEs answer the client's lookup; AAAA records repeat the A set and are skipped.
 */
export function readLatencyRecords(stack: StackModel): LatencyRecordModel[] {
  const records: LatencyRecordModel[] = [];
  for (const { name: id, address: what, body: record } of stack.resources('aws_route53_record')) {
    const policy = block(record.latency_routing_policy);
    if (!policy || record.type === 'AAAA') continue;
    const alias = block(record.alias);
    const target = alias ? alias.name : (record.records as unknown[] | undefined)?.[0];
    const domain = stack.referenced(target, 'aws_api_gateway_domain_name', `${what} target`);
    records.push({
      id,
      name: stack.literal(record.name, `${what}.name`),
      type: String(record.type),
      setIdentifier: stack.literal(record.set_identifier, `${what}.set_identifier`),
      latencyRegion: stack.literal(policy.region, `${what}.latency_routing_policy.region`),
      targetRegion: stack.requireRegion(domain),
      healthCheckId: record.health_check_id === undefined ? undefined
        : stack.referenced(record.health_check_id, 'aws_route53_health_check', `${what}.health_check_id`).name,
      ttlSeconds: alias ? ALIAS_TTL_SECONDS : Number(record.ttl ?? 300),
    });
  }
  return records;
}
