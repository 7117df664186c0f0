import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { latencyRecord } from '../../../../../tools/plan-change/risk/rules/latency-record';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [latencyRecord]);
const latency = { latency_routing_policy: [{ region: 'eu-west-1' }] };
const address = 'aws_route53_record.front-door-eu-west-1_a';

describe('latency-record-removed', () => {
  test('non-compliant: a latency record destroyed or replaced destroy-before-create shifts traffic (warning)', () => {
    expect(run({ address, actions: ['delete'], before: latency }).findings.map((f) => [f.severity, f.scope])).toEqual([['warning', 'eu-west-1']]);
    expect(run({ address, actions: REPLACE_DBC, before: latency }).findings).toHaveLength(1);
  });

  test('compliant: replaced create-before-destroy, or a record without latency routing destroyed', () => {
    expect(run({ address, actions: REPLACE_CBD, before: latency }).findings).toEqual([]);
    expect(run({ address: 'aws_route53_record.validation', actions: ['delete'], before: { type: 'CNAME' } }).findings).toEqual([]);
  });
});
