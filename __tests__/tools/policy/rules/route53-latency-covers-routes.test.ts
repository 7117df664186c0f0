import { route53LatencyCoversRoutes } from '../../../../tools/policy/rules/route53-latency-covers-routes';
import { fixture, violationsOf } from '../../../helpers/policy';

const check = (id: string) => `\${aws_route53_health_check.${id}.id}`;
const probe = (path: string) => ({ type: 'HTTPS_STR_MATCH', fqdn: 'us-east-1.api.example.com', resource_path: path, search_string: 'x' });
const calculated = (children: string[], threshold: number) => ({ type: 'CALCULATED', child_healthchecks: children.map(check), child_health_threshold: threshold });
const metric = { type: 'CLOUDWATCH_METRIC', cloudwatch_alarm_name: 'a', cloudwatch_alarm_region: 'us-east-1' };
const record = (healthCheck: string) => ({
  name: 'api.example.com', type: 'A', set_identifier: 'us-east-1', latency_routing_policy: { region: 'us-east-1' }, health_check_id: check(healthCheck),
});
const PROBES = { health: probe('/v1/healthcheck'), served: probe('/v1/helloworld'), rate: metric, quiet: metric, gate: calculated(['rate', 'quiet'], 1) };

describe('MRA-R53-LATENCY-COVERS-ROUTES', () => {
  test('a record whose check requires both probes (and an OR-gate beside them) complies', () => {
    const stack = fixture({
      aws_route53_health_check: { ...PROBES, dns: calculated(['health', 'served', 'gate'], 3) },
      aws_route53_record: { latency: record('dns'), simple: { name: 'x.api.example.com', type: 'A' } },
    });
    expect(violationsOf(route53LatencyCoversRoutes, stack)).toEqual([]);
  });

  test('a record on the health route\'s probe alone misses the served route', () => {
    const stack = fixture({ aws_route53_health_check: PROBES, aws_route53_record: { latency: record('health') } });
    expect(violationsOf(route53LatencyCoversRoutes, stack)).toEqual([
      ['aws_route53_record.latency', 'latency record (set_identifier "us-east-1") stays healthy while /helloworld fails (its check health)'],
    ]);
  });

  test('a calculated check that needs only some of its children covers neither route', () => {
    const stack = fixture({
      aws_route53_health_check: { ...PROBES, dns: calculated(['health', 'served', 'gate'], 2) },
      aws_route53_record: { latency: record('dns') },
    });
    expect(violationsOf(route53LatencyCoversRoutes, stack)).toEqual([
      ['aws_route53_record.latency', 'latency record (set_identifier "us-east-1") stays healthy while /healthcheck and /helloworld fail (its check dns)'],
    ]);
  });

  test('an OR of two probes of the same route still covers it', () => {
    const stack = fixture({
      aws_route53_health_check: { ...PROBES, served2: probe('/prod/helloworld'), either: calculated(['served', 'served2'], 1), dns: calculated(['health', 'either'], 2) },
      aws_route53_record: { latency: record('dns') },
    });
    expect(violationsOf(route53LatencyCoversRoutes, stack)).toEqual([]);
  });
});
