import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { healthCheck } from '../../../../../tools/plan-change/risk/rules/health-check';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [healthCheck]);
const check = 'aws_route53_health_check.front-door-us-east-1_check';
const record = { address: 'aws_route53_record.front-door-us-east-1_a', actions: ['update'], references: { health_check_id: [`${check}.id`, check] } };

describe('health-check-unsafe-replace', () => {
  test('non-compliant: replaced destroy-before-create while a record references it', () => {
    expect(run({ address: check, actions: REPLACE_DBC, before: { id: 'hc-1' } }, record).outage).toBe(true);
  });

  test('non-compliant: destroyed while a kept record still carries its id', () => {
    const kept = { address: 'aws_route53_record.front-door-us-east-1_a', actions: ['no-op'], before: { health_check_id: 'hc-1' }, after: { health_check_id: 'hc-1' } };
    expect(run({ address: check, actions: ['delete'], before: { id: 'hc-1' } }, kept).findings.map((f) => f.rule)).toEqual(['health-check-unsafe-replace']);
  });

  test('compliant: replaced create-before-destroy, or destroyed with the records that used it', () => {
    expect(run({ address: check, actions: REPLACE_CBD, before: { id: 'hc-1' } }, record).findings).toEqual([]);
    const gone = { address: 'aws_route53_record.front-door-us-east-1_a', actions: ['delete'], before: { health_check_id: 'hc-1' } };
    expect(run({ address: check, actions: ['delete'], before: { id: 'hc-1' } }, gone).findings).toEqual([]);
  });
});
