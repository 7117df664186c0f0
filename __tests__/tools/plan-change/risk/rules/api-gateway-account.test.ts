import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { apiGatewayAccount } from '../../../../../tools/plan-change/risk/rules/api-gateway-account';
import { fakePlan } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [apiGatewayAccount]);

describe('api-gateway-account-setting', () => {
  test('non-compliant: changing or destroying the account-wide setting is a warning naming the region', () => {
    const result = run({ address: 'aws_api_gateway_account.region-us-west-2_account', actions: ['delete'] });
    expect(result.findings.map((f) => [f.severity, f.scope])).toEqual([['warning', 'us-west-2']]);
    expect(result.outage).toBe(false);
  });

  test('compliant: the plan leaves the setting alone', () => {
    expect(run({ address: 'aws_api_gateway_account.region-us-west-2_account', actions: ['no-op'] }).findings).toEqual([]);
  });

  test('forgetting the setting (an upgrade hands it to its owner) is a warning that says the setting stays', () => {
    const result = run({ address: 'aws_api_gateway_account.region-us-west-2_account', actions: ['forget'] });
    expect(result.findings.map((f) => [f.severity, f.scope])).toEqual([['warning', 'us-west-2']]);
    expect(result.findings[0].message).toMatch(/no longer managed by this stack \(left as it is\)/);
  });
});
