import { requireRetiredRegions } from '../../../tools/plan-change/retired-regions';
import { ConfigSideError } from '../../../tools/plan-change/synth-config';
import { StackModel } from '../../../tools/stack-model/stack-model';

const provider = (alias: string) => ({ alias, region: alias.replace(/-monitoring$/, '') });

/** A stack with a provider per alias and one topic bound to each region of `resourcesIn`. */
function stack(aliases: string[], resourcesIn: string[]) {
  const topics = Object.fromEntries(resourcesIn.map((region) => [`region-${region}_topic`, { name: 't', provider: `aws.${region}` }]));
  return { name: 'multi-region-api', dir: '/nonexistent', model: new StackModel({ provider: { aws: aliases.map(provider) }, resource: { aws_sns_topic: topics } }) };
}

describe('requireRetiredRegions', () => {
  const live = stack(['us-east-1', 'us-west-2', 'us-east-1-monitoring'], ['us-east-1', 'us-west-2']);

  test('a region dropped from regions while the live stack has resources there: one line pointing at retiredRegions', () => {
    const dropped = stack(['us-west-2', 'us-east-1-monitoring'], ['us-west-2']);
    expect(() => requireRetiredRegions(live, dropped, 'new.json')).toThrow(ConfigSideError);
    expect(() => requireRetiredRegions(live, dropped, 'new.json')).toThrow(
      '--to new.json: us-east-1 left regions, but the live stack has 1 resource there and Terraform needs that region\'s provider to destroy '
      + 'them ("Provider configuration not present"): list it in retiredRegions for one apply, then drop it (README config reference: '
      + 'retiredRegions; docs/changing-a-live-stack.md#retiring-a-region)');
  });

  test('retired (its provider kept, no resources), added or reordered regions pass', () => {
    expect(() => requireRetiredRegions(live, stack(['us-east-1', 'us-west-2', 'us-east-1-monitoring'], ['us-west-2']), 'x')).not.toThrow();
    expect(() => requireRetiredRegions(live, stack(['us-west-2', 'us-east-1', 'eu-west-1', 'us-east-1-monitoring'], []), 'x')).not.toThrow();
  });
});
