import { block, parseReference } from '../../stack-model/references';
import { StackModel, StackResource } from '../../stack-model/stack-model';
import { PolicyRule, Violation } from '../types';

/** One compared attribute of one region: its value, and the resource to name when it differs. */
interface Fact {
  readonly value: string;
  readonly address: string;
}

const HEALTH_CHECK_ATTRIBUTES = ['type', 'port', 'resource_path', 'search_string', 'request_interval', 'failure_threshold', 'enable_sni', 'regions', 'fqdn'];

/**
 * Active-active only works if every region serves the same thing: an escape hatch (`addOverride`) or a hand edit that
 * changes one region makes failover change behaviour. Each attribute is compared across the regional providers
 * (alias = region); the value most regions have is the reference (on a tie, the first region's), and each region
 * that differs is reported on the resource that differs, with both values.
 */
export const regionParity: PolicyRule = {
  id: 'MRA-REGION-PARITY',
  description: 'Every region serves the same routes, methods, base paths, functions (runtime, memory, timeout, environment keys), throttling and health check',
  fix: 'Make the change in the construct every region is built from (or in the config), not through an escape hatch on one region',
  check(stack) {
    const regions = stack.awsProviders.filter((p) => p.region && p.alias === p.region).map((p) => p.region!);
    if (regions.length < 2) return [];
    const facts = new Map(regions.map((region) => [region, factsOf(stack, region)]));
    const keys = new Set([...facts.values()].flatMap((byKey) => [...byKey.keys()]));
    const violations: Violation[] = [];
    for (const key of keys) {
      const values = regions.map((region) => ({ region, fact: facts.get(region)!.get(key) }));
      const reference = mostCommon(values.map((v) => v.fact?.value ?? '(none)'));
      const holders = values.filter((v) => (v.fact?.value ?? '(none)') === reference).map((v) => v.region);
      for (const { region, fact } of values) {
        const value = fact?.value ?? '(none)';
        if (value === reference) continue;
        violations.push({
          address: fact?.address ?? anchorOf(stack, region),
          message: `${key} is ${value} in ${region}, ${reference} in ${holders.join(', ')}`,
        });
      }
    }
    return violations;
  },
};

function factsOf(stack: StackModel, region: string): Map<string, Fact> {
  const facts = new Map<string, Fact>();
  const inRegion = (type: string) => stack.resources(type).filter((r) => r.body.provider === `aws.${region}`);
  const add = (key: string, value: unknown, resource: StackResource) => facts.set(key, { value: shown(value, region), address: resource.address });

  for (const api of inRegion('aws_api_gateway_rest_api')) {
    const methods = inRegion('aws_api_gateway_method').filter((m) => refersToResource(m.body.rest_api_id, api))
      .map((m) => `${String(m.body.http_method)} ${pathOf(stack, m.body.resource_id)}`);
    add('routes and methods', methods.sort(), api);
    const basePaths = inRegion('aws_api_gateway_base_path_mapping').filter((m) => refersToResource(m.body.api_id, api))
      .map((m) => m.body.base_path ?? '(root)');
    add('base paths', basePaths.sort(), api);
  }
  for (const fn of inRegion('aws_lambda_function')) {
    const name = `function ${String(fn.body.function_name)}`;
    add(`${name} runtime`, fn.body.runtime, fn);
    add(`${name} memory_size`, fn.body.memory_size ?? 128, fn);
    add(`${name} timeout`, fn.body.timeout ?? 3, fn);
    add(`${name} environment keys`, Object.keys(block(block(fn.body.environment)?.variables) ?? {}).sort(), fn);
  }
  for (const settings of inRegion('aws_api_gateway_method_settings')) {
    const throttling = block(settings.body.settings) ?? {};
    add(`method settings ${String(settings.body.method_path)} throttling`,
      { rate: throttling.throttling_rate_limit, burst: throttling.throttling_burst_limit }, settings);
  }
  for (const check of inRegion('aws_route53_health_check')) {
    for (const attribute of HEALTH_CHECK_ATTRIBUTES) add(`health check ${attribute}`, check.body[attribute], check);
  }
  return facts;
}

/** `/helloworld`, built from path_part up the parent chain; the REST API's root is `/`. */
function pathOf(stack: StackModel, resourceId: unknown): string {
  const reference = parseReference(resourceId);
  if (!reference || reference.type !== 'aws_api_gateway_resource') return '/';
  const resource = stack.resource(reference.type, reference.name);
  if (!resource) return '/';
  const parent = pathOf(stack, resource.body.parent_id);
  return `${parent === '/' ? '' : parent}/${String(resource.body.path_part)}`;
}

function refersToResource(value: unknown, resource: StackResource): boolean {
  const reference = parseReference(value);
  return reference?.type === resource.type && reference.name === resource.name;
}

/** A value as compared: the region's own code and resource names (which differ by design) taken out. */
function shown(value: unknown, region: string): string {
  const text = JSON.stringify(value ?? null);
  return text.split(region).join('{region}').replace(/\$\{([a-z0-9_]+)\.[A-Za-z0-9_-]+\.([a-z_]+)\}/g, '${$1.$2}');
}

function mostCommon(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Where to report a region that lacks something every other region has: its REST API, else its provider. */
function anchorOf(stack: StackModel, region: string): string {
  return stack.resources('aws_api_gateway_rest_api').find((r) => r.body.provider === `aws.${region}`)?.address ?? `provider.aws.${region}`;
}
