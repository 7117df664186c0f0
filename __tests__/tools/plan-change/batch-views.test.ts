import { combinedState, firstMembers, memberPlan, memberState } from '../../../tools/plan-change/batch-views';
import { ChangePlanJson } from '../../../tools/plan-change/risk/changes';
import { east, member, stackOf } from './batch-fixtures';

describe('combinedState and memberState', () => {
  const resource = { mode: 'managed' as const, type: 'aws_sns_topic', name: 'topic', provider: 'provider["registry.terraform.io/hashicorp/aws"].us-east-1', instances: [] };
  const first = member(stackOf([east]), { resources: [resource] }).state;
  const second = member(stackOf([east]), { resources: [{ ...resource, name: 'other' }], outputs: { url: { value: 'y', type: 'string' } } }).state;

  test("each stack's resources in its module, its outputs under the root's names", () => {
    const state = combinedState([first, second]);
    expect(state.resources).toEqual([{ ...resource, module: 'module.stack0' }, { ...resource, name: 'other', module: 'module.stack1' }]);
    expect(state.outputs).toEqual({ stack0__url: { value: 'x', type: 'string' }, stack1__url: { value: 'y', type: 'string' } });
  });

  test("one stack's part of the combined state is its own state again, under the lineage it is given", () => {
    expect(memberState(combinedState([first, second]), 1, 'lineage-1')).toEqual({ ...second, serial: 1, lineage: 'lineage-1' });
  });
});

describe('memberPlan', () => {
  const change = (address: string, extra: object = {}) => ({
    address, mode: 'managed', type: 'aws_sns_topic', name: 'topic', change: { actions: ['update'], before: {}, after: {} }, ...extra,
  });
  const plan = {
    format_version: '1.2',
    resource_changes: [
      change('module.stack0.aws_sns_topic.topic', { module_address: 'module.stack0' }),
      change('module.stack1.aws_sns_topic.topic', { module_address: 'module.stack1', previous_address: 'module.stack1.aws_sns_topic.old' }),
      change('module.stack10.aws_sns_topic.topic', { module_address: 'module.stack10' }),
    ],
    planned_values: {
      outputs: { stack1__url: { sensitive: false, value: 'u' }, stack10__url: { sensitive: false, value: 'v' } },
      root_module: { child_modules: [{ address: 'module.stack1', resources: [{ address: 'module.stack1.aws_sns_topic.topic', values: {} }] }] },
    },
    configuration: {
      provider_config: { 'aws.us-east-1': { alias: 'us-east-1', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: { module_calls: { stack1: { module: { resources: [{ address: 'aws_sns_topic.topic', provider_config_key: 'aws.us-east-1' }] } } } },
    },
  } as unknown as ChangePlanJson & Record<string, unknown>;

  test("keeps only the member's changes, with the addresses it has when planned alone", () => {
    expect(memberPlan(plan, 1)).toEqual({
      format_version: '1.2',
      planned_values: { outputs: { url: { sensitive: false, value: 'u' } }, root_module: { resources: [{ address: 'aws_sns_topic.topic', values: {} }] } },
      resource_changes: [change('aws_sns_topic.topic', { previous_address: 'aws_sns_topic.old' })],
      configuration: {
        provider_config: plan.configuration!.provider_config,
        root_module: { resources: [{ address: 'aws_sns_topic.topic', provider_config_key: 'aws.us-east-1' }] },
      },
    });
    expect(memberPlan(plan, 1).resource_changes).toHaveLength(1);
  });
});

describe('firstMembers', () => {
  test("keeps the resource changes of the first stacks only (a convergence's deployed stacks come first)", () => {
    const plan = {
      format_version: '1.2',
      resource_changes: ['stack0', 'stack1', 'stack2', 'stack10'].map((m) => ({ address: `module.${m}.aws_sns_topic.t`, module_address: `module.${m}` })),
    };
    expect(firstMembers(plan, 2)).toEqual({ format_version: '1.2', resource_changes: plan.resource_changes.slice(0, 2) });
  });
});
