import { LatencyRecords, LatencyRecordsProps } from '../../../src/constructs/latency-records';
import { testConfig } from '../../helpers/config';
import { resourcesOf, synthConstructs } from '../../helpers/synth';

function records(props: Partial<LatencyRecordsProps>) {
  const stack = synthConstructs((scope, provider) => new LatencyRecords(scope, 'records', {
    provider, zoneId: 'Z1', name: 'api.example.com', region: 'eu-west-1', healthCheckId: 'hc-1',
    targetDomainName: 'd-abc.execute-api.eu-west-1.amazonaws.com', targetZoneId: 'ZREGIONAL', dns: testConfig().dns, ...props,
  }));
  return resourcesOf(stack, 'aws_route53_record').map(([, r]) => r);
}

const LATENCY = { set_identifier: 'eu-west-1', latency_routing_policy: { region: 'eu-west-1' }, health_check_id: 'hc-1' };

describe('LatencyRecords', () => {
  test('default: ALIAS A and AAAA to the target, no TTL of their own', () => {
    const alias = { name: 'd-abc.execute-api.eu-west-1.amazonaws.com', zone_id: 'ZREGIONAL', evaluate_target_health: false };
    expect(records({})).toEqual([
      expect.objectContaining({ ...LATENCY, type: 'A', alias }),
      expect.objectContaining({ ...LATENCY, type: 'AAAA', alias }),
    ]);
    records({}).forEach((r) => expect(r).not.toHaveProperty('ttl'));
  });

  test('CNAME: one record with the TTL, 60 s unless given', () => {
    expect(records({ dns: testConfig({ dns: { recordType: 'CNAME' } }).dns })).toEqual([expect.objectContaining({
      ...LATENCY, type: 'CNAME', ttl: 60, records: ['d-abc.execute-api.eu-west-1.amazonaws.com'],
    })]);
    expect(records({ dns: testConfig({ dns: { recordType: 'CNAME', ttl: 5 } }).dns })[0].ttl).toBe(5);
  });
});
