import { route53LatencyHealthCheck } from '../../../../tools/policy/rules/route53-latency-health-check';
import { fixture, violationsOf } from '../../../helpers/policy';

const latency = { name: 'api.example.com', type: 'A', set_identifier: 'us-east-1', latency_routing_policy: { region: 'us-east-1' } };

describe('MRA-R53-LATENCY-HEALTH-CHECK', () => {
  test('a latency record with a health check, and a simple record without one, comply', () => {
    const stack = fixture({
      aws_route53_record: {
        latency: { ...latency, health_check_id: '${aws_route53_health_check.us-east-1.id}' },
        validation: { name: '_x.api.example.com', type: 'CNAME', records: ['_y'] },
      },
    });
    expect(violationsOf(route53LatencyHealthCheck, stack)).toEqual([]);
  });

  test('a latency record without a health check is reported', () => {
    expect(violationsOf(route53LatencyHealthCheck, fixture({ aws_route53_record: { bare: latency } }))).toEqual([
      ['aws_route53_record.bare', 'latency record (set_identifier "us-east-1") has no health_check_id'],
    ]);
  });
});
