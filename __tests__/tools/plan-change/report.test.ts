import { formatClassification } from '../../../tools/plan-change/report';
import { classifyPlan } from '../../../tools/plan-change/risk/classify';
import { fakePlan } from './risk/fake-plan';

describe('formatClassification', () => {
  test('the summary has a forget column only when the plan forgets something', () => {
    const update = { address: 'aws_api_gateway_stage.region-us-east-1_stage', actions: ['update'], before: { a: 1 }, after: { a: 2 } };
    const plain = formatClassification('t', classifyPlan(fakePlan(update), []));
    expect(plain.split('\n')[2]).toBe('scope      create  update  replace cbd  replace dbc  destroy');
    const upgrade = formatClassification('t', classifyPlan(fakePlan(update, { address: 'aws_iam_role.region-us-east-1_old', actions: ['forget'] }), []));
    expect(upgrade.split('\n')[2]).toBe('scope      create  update  replace cbd  replace dbc  destroy  forget');
    expect(upgrade).toMatch(/us-east-1 {2}forget \(left in AWS\)\s+aws_iam_role\.region-us-east-1_old/);
  });
});
