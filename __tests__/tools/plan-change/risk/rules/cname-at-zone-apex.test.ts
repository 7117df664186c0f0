import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { cnameAtZoneApex } from '../../../../../tools/plan-change/risk/rules/cname-at-zone-apex';
import { fakePlan } from '../fake-plan';
import { recordChange, REGIONS } from './records';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [cnameAtZoneApex]);

describe('cname-at-zone-apex', () => {
  test('non-compliant: CNAME latency records created: one warning per name, naming the zone and the apex condition', () => {
    const result = run(...REGIONS.map((r) => recordChange(r, 'CNAME', ['create'], 'example.com')));
    expect(result.findings.map((f) => [f.severity, f.address])).toEqual([['warning', 'aws_route53_record.front-door-us-east-1_latency-records_cname']]);
    expect(result.findings[0].message).toBe('example.com: 2 CNAME latency record(s) created in zone Z0123456789EXAMPLE01; if example.com is that '
      + 'zone\'s own name (its apex), Route 53 refuses them and the apply fails: there, use dns.recordType "ALIAS" (the default)');
    expect(result.outage).toBe(false);
  });

  test('compliant: ALIAS records created, CNAME records already live (Route 53 took them), an ACM validation CNAME', () => {
    expect(run(...REGIONS.map((r) => recordChange(r, 'A', ['create']))).findings).toEqual([]);
    expect(run(...REGIONS.map((r) => recordChange(r, 'CNAME', ['no-op']))).findings).toEqual([]);
    const validation = { address: 'aws_route53_record.validation', actions: ['create'], after: { zone_id: 'Z', name: '_x.api.example.com', type: 'CNAME' } };
    expect(run(validation).findings).toEqual([]);
  });
});
