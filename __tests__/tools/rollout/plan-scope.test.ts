import { changesOutsideScope, describeOutsideScope, ownedChanges } from '../../../tools/rollout/plan-scope';
import { globalTargets, targetFlags, waveTargets } from '../../../tools/rollout/targets';
import { attributeRegions } from '../../../tools/stack-model/region-attribution';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { PlanJson } from '../../../tools/terraform/plan-json';

const PROVIDERS = [{ alias: 'us-east-1', region: 'us-east-1' }, { alias: 'us-west-2', region: 'us-west-2' }, { alias: 'us-east-1-monitoring', region: 'us-east-1' }];

/** The previous release: both regions with a function, a check each, their us-east-1 alarms, and a global topic. */
const previous = attributeRegions(new StackModel({
  provider: { aws: PROVIDERS },
  resource: {
    aws_lambda_function: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.us-west-2' }, west_old: { provider: 'aws.us-west-2' } },
    aws_route53_health_check: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.us-west-2' } },
    aws_cloudwatch_metric_alarm: {
      east: { provider: 'aws.us-east-1-monitoring', dimensions: { id: '${aws_route53_health_check.east.id}' } },
      west: { provider: 'aws.us-east-1-monitoring', dimensions: { id: '${aws_route53_health_check.west.id}' } },
    },
    aws_sns_topic: { alarms: { provider: 'aws.us-east-1-monitoring' } },
  },
}));

/** The new release: west's old function removed, a new west resource, a new global subscription. */
const next = attributeRegions(new StackModel({
  provider: { aws: PROVIDERS },
  resource: {
    aws_lambda_function: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.us-west-2' }, west_new: { provider: 'aws.us-west-2' } },
    aws_route53_health_check: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.us-west-2' } },
    aws_cloudwatch_metric_alarm: {
      east: { provider: 'aws.us-east-1-monitoring', dimensions: { id: '${aws_route53_health_check.east.id}' } },
      west: { provider: 'aws.us-east-1-monitoring', dimensions: { id: '${aws_route53_health_check.west.id}' } },
    },
    aws_sns_topic: { alarms: { provider: 'aws.us-east-1-monitoring' } },
    aws_sns_topic_subscription: { ops: { provider: 'aws.us-east-1-monitoring', topic_arn: '${aws_sns_topic.alarms.arn}' } },
  },
}));

function plan(changes: Array<[string, string[]]>): PlanJson {
  return {
    format_version: '1.2', terraform_version: '1.11.4', configuration: { root_module: {} },
    resource_changes: changes.map(([address, actions]) => ({
      address, mode: 'managed', type: address.split('.')[0], name: address.split('.')[1], provider_name: 'registry.terraform.io/hashicorp/aws', change: { actions },
    })),
  };
}

describe('wave targets', () => {
  test("a wave targets every address either release gives its regions (so what the new one removes is destroyed there)", () => {
    expect(waveTargets(['us-west-2'], [next, previous])).toEqual([
      'aws_cloudwatch_metric_alarm.west', 'aws_lambda_function.west', 'aws_lambda_function.west_new', 'aws_lambda_function.west_old', 'aws_route53_health_check.west',
    ]);
    expect(targetFlags(['aws_x.a'])).toEqual(['-target=aws_x.a']);
  });

  test('the final step targets the global resources of either release', () => {
    expect(globalTargets([next, previous])).toEqual(['aws_sns_topic.alarms', 'aws_sns_topic_subscription.ops']);
  });
});

describe('plan scope', () => {
  const wave = { regions: ['us-west-2'], allowGlobal: true, attributions: [next, previous] };

  test("a wave's own changes and the global ones it depends on pass; no-ops and reads are not changes", () => {
    const waveOne = plan([
      ['aws_lambda_function.west', ['update']], ['aws_lambda_function.west_new', ['create']], ['aws_lambda_function.west_old', ['delete']],
      ['aws_sns_topic.alarms', ['update']], ['aws_lambda_function.east', ['no-op']],
    ]);
    expect(changesOutsideScope(waveOne, wave)).toEqual([]);
    expect(ownedChanges(waveOne, wave.attributions).map((c) => c.owner)).toEqual(['us-west-2', 'us-west-2', 'us-west-2', 'global']);
  });

  test("another region's change stops the wave, named with its region and actions", () => {
    const outside = changesOutsideScope(plan([['aws_lambda_function.west', ['update']], ['aws_cloudwatch_metric_alarm.east', ['delete', 'create']]]), wave);
    expect(outside).toEqual([{ address: 'aws_cloudwatch_metric_alarm.east', owner: 'us-east-1', actions: ['delete', 'create'] }]);
    expect(describeOutsideScope('wave 1 (us-west-2)', outside)).toBe(
      'wave 1 (us-west-2): the plan would also change aws_cloudwatch_metric_alarm.east (us-east-1: delete/create); stopped before applying anything');
  });

  test('the final step allows global changes only; a resource neither release has is unknown', () => {
    const final = { regions: [], allowGlobal: true, attributions: [next, previous] };
    const outside = changesOutsideScope(plan([['aws_sns_topic_subscription.ops', ['create']], ['aws_lambda_function.east', ['update']], ['aws_iam_role.stray', ['delete']]]), final);
    expect(outside.map((c) => `${c.address}:${c.owner}`)).toEqual(['aws_lambda_function.east:us-east-1', 'aws_iam_role.stray:unknown']);
  });

  test('instances of a for_each resource are matched by their configuration address', () => {
    const global = attributeRegions(new StackModel({ provider: { aws: PROVIDERS }, resource: { aws_route53_record: { validation: { provider: 'aws.us-east-1-monitoring' } } } }));
    const scope = { regions: ['us-west-2'], allowGlobal: false, attributions: [global] };
    expect(changesOutsideScope(plan([['aws_route53_record.validation["api.example.com"]', ['create']]]), scope))
      .toEqual([{ address: 'aws_route53_record.validation["api.example.com"]', owner: 'global', actions: ['create'] }]);
  });
});
