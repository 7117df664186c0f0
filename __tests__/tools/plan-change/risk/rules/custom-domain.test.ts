import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { customDomain } from '../../../../../tools/plan-change/risk/rules/custom-domain';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [customDomain]);
const domain = 'aws_api_gateway_domain_name.front-door-us-east-1_domain';

describe('custom-domain-replaced', () => {
  test.each([[REPLACE_CBD], [REPLACE_DBC]])('non-compliant: a custom domain replaced (%j) is an outage', (actions) => {
    expect(run({ address: domain, actions }).findings.map((f) => f.severity)).toEqual(['outage']);
  });

  test('non-compliant: a custom domain destroyed while its region keeps its records', () => {
    expect(run({ address: domain, actions: ['delete'] }).outage).toBe(true);
  });

  test('compliant: updated in place, or destroyed together with its records (a retired region)', () => {
    expect(run({ address: domain, actions: ['update'], before: { tags: {} }, after: { tags: { a: 'b' } } }).findings).toEqual([]);
    expect(run({ address: domain, actions: ['delete'] }, { address: 'aws_route53_record.front-door-us-east-1_a', actions: ['delete'] }).findings).toEqual([]);
  });
});
