import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { certificate } from '../../../../../tools/plan-change/risk/rules/certificate';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [certificate]);
const cert = 'aws_acm_certificate.front-door-us-west-2_certificate';

describe('certificate-replaced', () => {
  test('non-compliant: destroyed before its replacement exists, or destroyed under a kept domain, is an outage', () => {
    expect(run({ address: cert, actions: REPLACE_DBC }).outage).toBe(true);
    expect(run({ address: cert, actions: ['delete'] }).outage).toBe(true);
  });

  test('warning: replaced create-before-destroy (the new one must validate first)', () => {
    expect(run({ address: cert, actions: REPLACE_CBD }).findings.map((f) => [f.severity, f.scope])).toEqual([['warning', 'us-west-2']]);
  });

  test('compliant: a tag update, or destroyed together with its domain', () => {
    expect(run({ address: cert, actions: ['update'], before: { tags: {} }, after: { tags: { a: 'b' } } }).findings).toEqual([]);
    expect(run({ address: cert, actions: ['delete'] }, { address: 'aws_api_gateway_domain_name.front-door-us-west-2_d', actions: ['delete'] }).findings).toEqual([]);
  });
});
