import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { basePathMapping } from '../../../../../tools/plan-change/risk/rules/base-path-mapping';
import { fakePlan, REPLACE_CBD } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [basePathMapping]);
const mapping = 'aws_api_gateway_base_path_mapping.front-door-us-east-1_mapping';

describe('base-path-mapping-removed', () => {
  test('non-compliant: replaced or destroyed under a kept domain is an outage', () => {
    expect(run({ address: mapping, actions: REPLACE_CBD }).outage).toBe(true);
    expect(run({ address: mapping, actions: ['delete'] }).outage).toBe(true);
  });

  test('compliant: updated in place, or destroyed together with its domain', () => {
    expect(run({ address: mapping, actions: ['update'], before: { stage_name: 'a' }, after: { stage_name: 'b' } }).findings).toEqual([]);
    expect(run({ address: mapping, actions: ['delete'] }, { address: 'aws_api_gateway_domain_name.front-door-us-east-1_d', actions: ['delete'] }).findings).toEqual([]);
  });
});
