import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { staleStageSnapshot } from '../../../../../tools/plan-change/risk/rules/stale-stage-snapshot';
import { fakePlan, REPLACE_CBD } from '../fake-plan';

const functionReplaced = { address: 'aws_lambda_function.region-us-east-1_fn', actions: REPLACE_CBD, before: { function_name: 'a' }, after: { function_name: 'b' } };
const uriUpdated = { address: 'aws_api_gateway_integration.region-us-east-1_get', actions: ['update'], before: { uri: 'x' }, after: { uri: 'y' } };
const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [staleStageSnapshot]);

describe('stale-stage-snapshot', () => {
  test('non-compliant: functions replaced and integration uri updated with no new deployment is an outage', () => {
    const result = run(functionReplaced, uriUpdated);
    expect(result.outage).toBe(true);
    expect(result.findings.map((f) => [f.address, f.severity])).toEqual([[functionReplaced.address, 'outage'], [uriUpdated.address, 'outage']]);
  });

  test('non-compliant: a new deployment the stage does not move to still serves the old snapshot', () => {
    const result = run(functionReplaced, { address: 'aws_api_gateway_deployment.region-us-east-1_d', actions: REPLACE_CBD });
    expect(result.findings).toHaveLength(1);
  });

  test('non-compliant: a redeploy in another region does not help this one', () => {
    const result = run(functionReplaced,
      { address: 'aws_api_gateway_deployment.region-us-west-2_d', actions: REPLACE_CBD },
      { address: 'aws_api_gateway_stage.region-us-west-2_s', actions: ['update'], before: { deployment_id: 'a' }, after: { deployment_id: 'b' } });
    expect(result.findings.map((f) => f.scope)).toEqual(['us-east-1']);
  });

  test('compliant: a new deployment and the stage moving to it in the same region', () => {
    const result = run(functionReplaced, uriUpdated,
      { address: 'aws_api_gateway_deployment.region-us-east-1_d', actions: REPLACE_CBD },
      { address: 'aws_api_gateway_stage.region-us-east-1_s', actions: ['update'], before: { deployment_id: 'a' }, after: { deployment_id: 'b' } });
    expect(result.findings).toEqual([]);
  });

  test('compliant: a function code update in place keeps its ARN, so the snapshot still invokes it', () => {
    expect(run({ address: 'aws_lambda_function.region-us-east-1_fn', actions: ['update'], before: { source_code_hash: 'a' }, after: { source_code_hash: 'b' } }).findings).toEqual([]);
  });
});
