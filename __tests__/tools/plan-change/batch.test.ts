import { batchesOf, combinedState, memberPlan, moduleJson, rootJson } from '../../../tools/plan-change/batch';
import { StateFile } from '../../../tools/plan-change/prior-state/state-file';
import { ChangePlanJson } from '../../../tools/plan-change/risk/changes';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { TerraformJson } from '../../../tools/stack-model/terraform-json';

const east = { alias: 'us-east-1', region: 'us-east-1', default_tags: [{ tags: { Project: 'api' } }] };
const west = { alias: 'us-west-2', region: 'us-west-2', default_tags: [{ tags: { Project: 'api' } }] };

function stackOf(providers: object[], extra: Record<string, unknown> = {}): TerraformJson {
  return {
    terraform: { backend: { s3: { bucket: 'state' } }, required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: providers },
    resource: { aws_sns_topic: { topic: { name: 'alarms', provider: 'aws.us-east-1' } } },
    ...extra,
  } as TerraformJson;
}

const member = (json: TerraformJson, state: Partial<StateFile> = {}) => ({
  stack: { name: 'multi-region-api', dir: '/nonexistent', model: new StackModel(json) },
  state: { version: 4, terraform_version: '1.11.4', serial: 7, lineage: 'l', outputs: { url: { value: 'x', type: 'string' } }, resources: [], check_results: null, ...state } as StateFile,
});

describe('batchesOf', () => {
  test('stacks whose shared aliases are configured alike go in one batch, in order', () => {
    const a = member(stackOf([east, west]));
    const b = member(stackOf([west, east, { alias: 'ap-southeast-1', region: 'ap-southeast-1' }]));
    expect(batchesOf([a, b])).toEqual([[a, b]]);
  });

  test('a stack that configures an alias differently (other default tags) goes in a batch of its own', () => {
    const a = member(stackOf([east]));
    const retagged = member(stackOf([{ ...east, default_tags: [{ tags: { Project: 'orders' } }] }]));
    const c = member(stackOf([east, west]));
    expect(batchesOf([a, retagged, c])).toEqual([[a, c], [retagged]]);
  });
});

describe('moduleJson', () => {
  test('drops the backend and the provider blocks, declares the aliases it is passed, keeps everything else', () => {
    const json = stackOf([east, west], { moved: [{ from: 'aws_sns_topic.old', to: 'aws_sns_topic.topic' }] });
    expect(moduleJson(json)).toEqual({
      terraform: { required_providers: { aws: { source: 'aws', version: '5.100.0', configuration_aliases: ['aws.us-east-1', 'aws.us-west-2'] } } },
      resource: json.resource,
      moved: [{ from: 'aws_sns_topic.old', to: 'aws_sns_topic.topic' }],
    });
  });
});

describe('rootJson', () => {
  test('configures each alias once and passes every module the aliases its stack uses', () => {
    const root = rootJson([member(stackOf([east])), member(stackOf([east, west]))]) as unknown as Record<string, unknown>;
    expect(root.provider).toEqual({ aws: [east, west] });
    expect(root.module).toEqual({
      stack0: { source: './stack0', providers: { 'aws.us-east-1': 'aws.us-east-1' } },
      stack1: { source: './stack1', providers: { 'aws.us-east-1': 'aws.us-east-1', 'aws.us-west-2': 'aws.us-west-2' } },
    });
    expect(root.terraform).toEqual({ required_providers: { aws: { source: 'aws', version: '5.100.0' } }, backend: { local: { path: 'offline-proof.tfstate' } } });
  });
});

describe('combinedState', () => {
  test("puts each member's resources in its module and keeps no root outputs", () => {
    const resource = { mode: 'managed' as const, type: 'aws_sns_topic', name: 'topic', provider: 'provider["registry.terraform.io/hashicorp/aws"].us-east-1', instances: [] };
    const state = combinedState([member(stackOf([east]), { resources: [resource] }), member(stackOf([east]), { resources: [resource] })]);
    expect(state.resources).toEqual([{ ...resource, module: 'module.stack0' }, { ...resource, module: 'module.stack1' }]);
    expect(state.outputs).toEqual({});
    expect(state.lineage).toBe('l');
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
    configuration: {
      provider_config: { 'aws.us-east-1': { alias: 'us-east-1', expressions: { region: { constant_value: 'us-east-1' } } } },
      root_module: { module_calls: { stack1: { module: { resources: [{ address: 'aws_sns_topic.topic', provider_config_key: 'aws.us-east-1' }] } } } },
    },
  } as unknown as ChangePlanJson & Record<string, unknown>;

  test("keeps only the member's changes, with the addresses it has when planned alone", () => {
    expect(memberPlan(plan, 1)).toEqual({
      format_version: '1.2',
      resource_changes: [change('aws_sns_topic.topic', { previous_address: 'aws_sns_topic.old' })],
      configuration: {
        provider_config: plan.configuration!.provider_config,
        root_module: { resources: [{ address: 'aws_sns_topic.topic', provider_config_key: 'aws.us-east-1' }] },
      },
    });
    expect(memberPlan(plan, 1).resource_changes).toHaveLength(1);
  });
});
