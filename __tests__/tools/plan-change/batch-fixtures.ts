import { StateFile } from '../../../tools/plan-change/prior-state/state-file';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { TerraformJson } from '../../../tools/stack-model/terraform-json';

/** Provider blocks as the app synthesizes them (alias = region, default tags). */
export const east = { alias: 'us-east-1', region: 'us-east-1', default_tags: [{ tags: { Project: 'api' } }] };
export const west = { alias: 'us-west-2', region: 'us-west-2', default_tags: [{ tags: { Project: 'api' } }] };

/** A small synthesized stack on these provider blocks, with an S3 backend and one topic. */
export function stackOf(providers: object[], extra: Record<string, unknown> = {}): TerraformJson {
  return {
    terraform: { backend: { s3: { bucket: 'state' } }, required_providers: { aws: { source: 'aws', version: '5.100.0' } } },
    provider: { aws: providers },
    resource: { aws_sns_topic: { topic: { name: 'alarms', provider: 'aws.us-east-1' } } },
    ...extra,
  } as TerraformJson;
}

/** A batch member: the stack, and a prior state (one output unless `state` says otherwise). */
export const member = (json: TerraformJson, state: Partial<StateFile> = {}) => ({
  stack: { name: 'multi-region-api', dir: '/nonexistent', model: new StackModel(json) },
  state: { version: 4, terraform_version: '1.11.4', serial: 7, lineage: 'l', outputs: { url: { value: 'x', type: 'string' } }, resources: [], check_results: null, ...state } as StateFile,
});
