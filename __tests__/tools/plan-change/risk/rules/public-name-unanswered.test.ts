import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { publicNameUnanswered } from '../../../../../tools/plan-change/risk/rules/public-name-unanswered';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';
import { recordChange, REGIONS } from './records';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [publicNameUnanswered]);
const aliasPair = (actions: string[]) => REGIONS.flatMap((r) => [recordChange(r, 'A', actions), recordChange(r, 'AAAA', actions)]);

describe('public-name-unanswered', () => {
  test('non-compliant: ALIAS -> CNAME in one apply (A/AAAA deleted, CNAMEs created): one outage naming the switch and the procedure', () => {
    const result = run(...aliasPair(['delete']), ...REGIONS.map((r) => recordChange(r, 'CNAME', ['create'])));
    expect(result.outage).toBe(true);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toEqual(expect.objectContaining({ severity: 'outage', address: 'aws_route53_record.front-door-us-east-1_latency-records_cname' }));
    expect(result.findings[0].message).toMatch(/^api\.example\.com: the apply deletes its A\/AAAA records and creates CNAME records, which Route 53 refuses.*#switching-the-latency-record-type/);
  });

  test('non-compliant: CNAME -> ALIAS, and a CNAME created beside A records that stay (the create is refused)', () => {
    expect(run(...REGIONS.map((r) => recordChange(r, 'CNAME', ['delete'])), ...aliasPair(['create'])).outage).toBe(true);
    expect(run(...aliasPair(['no-op']), recordChange('ap-southeast-1', 'CNAME', ['create'])).outage).toBe(true);
  });

  test('non-compliant: every latency record of the name destroyed, or replaced destroy-before-create, in one apply', () => {
    expect(run(...aliasPair(['delete'])).findings.map((f) => f.message)).toEqual([expect.stringMatching(/every latency record of the name \(4\) is destroyed/)]);
    expect(run(...aliasPair(REPLACE_DBC)).outage).toBe(true);
  });

  test('compliant: one region retired (the others keep answering), records replaced create-before-destroy, a new region added', () => {
    expect(run(recordChange('us-east-1', 'A', ['delete']), recordChange('us-east-1', 'AAAA', ['delete']),
      recordChange('eu-west-1', 'A', ['no-op']), recordChange('eu-west-1', 'AAAA', ['no-op'])).findings).toEqual([]);
    expect(run(...aliasPair(REPLACE_CBD)).findings).toEqual([]);
    expect(run(...aliasPair(['no-op']), recordChange('ap-southeast-1', 'A', ['create'])).findings).toEqual([]);
  });

  test('compliant: a name without latency records (a regional hostname) is not this rule\'s', () => {
    const hostname = { address: 'aws_route53_record.front-door-us-east-1_hostname_a', actions: ['delete'], before: { zone_id: 'Z', name: 'us-east-1.api.example.com', type: 'A' } };
    expect(run(hostname).findings).toEqual([]);
  });
});
