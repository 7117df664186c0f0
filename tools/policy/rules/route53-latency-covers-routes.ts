import { HEALTH_PATH, HELLO_PATH } from '../../../src/contract';
import { block } from '../../stack-model/references';
import { StackModel, StackResource } from '../../stack-model/stack-model';
import { resourceRule } from './resource-rule';

const ENDPOINT_TYPES = ['HTTP', 'HTTPS', 'HTTP_STR_MATCH', 'HTTPS_STR_MATCH'];

/**
 * A region whose users get errors while `/healthcheck` answers `ok` stays in DNS unless the check its latency records
 * carry also fails with the served route: both routes must be probed, and each probe's failure must fail the record's
 * check (a required child of every CALCULATED check on the way; an OR-style gate covers a route only if all its
 * children do).
 */
export const route53LatencyCoversRoutes = resourceRule({
  id: 'MRA-R53-LATENCY-COVERS-ROUTES',
  description: 'Every latency record\'s health check fails when the health route or the served route fails',
  fix: 'Keep healthCheck.errorRate.enabled true: the record\'s CALCULATED check then requires the health-route and '
    + 'served-route probes',
}, 'aws_route53_record', (record, stack) => {
  if (!block(record.body.latency_routing_policy) || record.body.health_check_id === undefined) return undefined;
  const check = stack.referenced(record.body.health_check_id, 'aws_route53_health_check', `${record.address}.health_check_id`);
  const missing = [HEALTH_PATH, HELLO_PATH].filter((route) => !fails(stack, check, route, []));
  if (missing.length === 0) return undefined;
  return `latency record (set_identifier ${JSON.stringify(record.body.set_identifier)}) stays healthy while `
    + `${missing.map((route) => `/${route}`).join(' and ')} fail${missing.length === 1 ? 's' : ''} (its check ${check.name})`;
});

/** Whether `check` is unhealthy whenever a probe of `route` fails. */
function fails(stack: StackModel, check: StackResource, route: string, path: readonly string[]): boolean {
  const { body } = check;
  if (ENDPOINT_TYPES.includes(String(body.type))) return String(body.resource_path ?? '').endsWith(`/${route}`);
  if (body.type !== 'CALCULATED' || path.includes(check.name)) return false;
  const children = (Array.isArray(body.child_healthchecks) ? body.child_healthchecks : [])
    .map((child, index) => stack.referenced(child, 'aws_route53_health_check', `${check.address}.child_healthchecks[${index}]`));
  const covering = children.filter((child) => fails(stack, child, route, [...path, check.name])).length;
  const required = Number(body.child_health_threshold ?? 0);
  // One unhealthy child fails the check when every child is required; otherwise only all of them failing together does.
  return children.length > 0 && ((required === children.length && covering > 0) || covering === children.length);
}
