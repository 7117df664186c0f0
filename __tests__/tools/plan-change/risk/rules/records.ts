import { FakeChange } from '../fake-plan';

/** A Route 53 record of the public name as the plan shows it (ALIAS A/AAAA or CNAME), latency-routed to `region`. */
export function latencyRecord(region: string, type: 'A' | 'AAAA' | 'CNAME', name = 'api.example.com') {
  return { zone_id: 'Z0123456789EXAMPLE01', name, type, set_identifier: region, latency_routing_policy: [{ region }] };
}

/** The change of one such record: `aws_route53_record.front-door-<region>_latency-records_<type>`. */
export function recordChange(region: string, type: 'A' | 'AAAA' | 'CNAME', actions: string[], name?: string): FakeChange {
  const values = latencyRecord(region, type, name);
  return {
    address: `aws_route53_record.front-door-${region}_latency-records_${type.toLowerCase()}`,
    actions,
    before: actions[0] === 'create' && actions.length === 1 ? null : values,
    after: actions.length === 1 && actions[0] === 'delete' ? null : values,
  };
}

export const REGIONS = ['us-east-1', 'eu-west-1'];
