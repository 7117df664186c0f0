import { planChanges, UnknownActionError } from '../../../../tools/plan-change/risk/changes';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from './fake-plan';

describe('planChanges', () => {
  const plan = fakePlan(
    { address: 'aws_lambda_function.region-us-east-1_fn', actions: REPLACE_CBD, before: { function_name: 'a' }, after: { function_name: 'b' }, replacePaths: [['function_name']] },
    { address: 'aws_route53_health_check.front-door-us-west-2_check', actions: REPLACE_DBC },
    { address: 'aws_sns_topic.alarms_topic', actions: ['update'], provider: 'aws.us-east-1-monitoring', before: { name: 'a' }, after: { name: 'b' } },
    { address: 'aws_iam_role.region-eu-west-1_role', actions: ['delete'] },
    { address: 'aws_iam_role.region-us-east-1_kept', actions: ['no-op'] },
  );
  const changes = planChanges(plan);

  test('tells create-before-destroy from destroy-before-create by the order of the actions', () => {
    expect(changes.map((c) => c.kind)).toEqual(['replace-create-before-destroy', 'replace-destroy-before-create', 'update', 'destroy']);
  });

  test("places a change in its provider's region, the monitoring provider in global, a destroyed resource by its name", () => {
    expect(changes.map((c) => c.scope)).toEqual(['us-east-1', 'us-west-2', 'global', 'eu-west-1']);
  });

  test('names the changed attributes and what forces a replacement', () => {
    expect(changes[0]).toEqual(expect.objectContaining({ attributes: ['function_name'], forcedBy: ['function_name'] }));
  });

  test('a removed block with destroy = false is a forget, not a destroy: left in AWS, no longer managed', () => {
    const [forgotten] = planChanges(fakePlan({ address: 'aws_iam_role.region-us-east-1_old-role', actions: ['forget'] }));
    expect(forgotten).toEqual(expect.objectContaining({ kind: 'forget', scope: 'us-east-1', attributes: [] }));
  });
});

describe('every action list Terraform 1.11 plans is classified; any other is an error', () => {
  const kinds = (actions: string[]) => planChanges(fakePlan({ address: 'aws_iam_role.region-us-east-1_r', actions, before: { a: 1 }, after: { a: 2 } }))
    .map((c) => c.kind);

  test.each([
    [['no-op'], []], [['read'], []], [['create'], ['create']], [['update'], ['update']], [['delete'], ['destroy']], [['forget'], ['forget']],
    [REPLACE_CBD, ['replace-create-before-destroy']], [REPLACE_DBC, ['replace-destroy-before-create']], [['create', 'forget'], ['replace-forget']],
  ])('%j -> %j', (actions, expected) => {
    expect(kinds(actions)).toEqual(expected);
  });

  test.each([[['create', 'update']], [['delete', 'forget']], [['open']], [[]], [['toString']]])('%j throws UnknownActionError naming the resource', (actions) => {
    expect(() => kinds(actions)).toThrow(UnknownActionError);
    expect(() => kinds(actions)).toThrow(/^aws_iam_role\.region-us-east-1_r: .* is not an action list Terraform 1\.11 plans/);
  });
});
