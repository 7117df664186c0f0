import { checkPlanShape, PlanShapeError } from '../../../../tools/plan-change/risk/plan-shape';
import { MALFORMED_PLANS, expectedLine, planWith, textOf } from './malformed-plans';

describe('checkPlanShape', () => {
  test('a plan as terraform show -json writes it passes, unchanged', () => {
    const plan = planWith({ replace_paths: [['name'], ['tags', 'x'], ['list', 0]] }, {
      configuration: { provider_config: { aws: { name: 'aws', expressions: { region: { constant_value: 'us-east-1' } } } },
        root_module: { resources: [{ address: 'aws_sns_topic.alarms', provider_config_key: 'aws', expressions: { name: { constant_value: 'b' } } }] } },
    });
    expect(checkPlanShape(plan)).toBe(plan);
    expect(checkPlanShape(planWith({}, { resource_changes: undefined }))).toBeDefined();
  });

  test.each(MALFORMED_PLANS)('$name: one line naming the path in the JSON', ({ plan, line }) => {
    const parsed: unknown = JSON.parse(textOf(plan));
    expect(() => checkPlanShape(parsed)).toThrow(PlanShapeError);
    expect(() => checkPlanShape(parsed)).toThrow(expect.objectContaining({ message: expectedLine('', line) }));
  });

  test('an action list Terraform does not plan is refused where it is, with the known ones', () => {
    expect(() => checkPlanShape(planWith({ actions: ['create', 'update'] }))).toThrow(
      'resource_changes[0].change.actions: ["create","update"] is not an action list Terraform 1.11 plans (known: no-op, read, create, update, delete, '
      + 'forget, create+delete, delete+create, create+forget)');
    expect(() => checkPlanShape(planWith({ actions: [] }))).toThrow(/resource_changes\[0\]\.change\.actions: \[\] is not an action list/);
    expect(() => checkPlanShape(planWith({ actions: ['constructor'] }))).toThrow(/is not an action list/);
  });
});
