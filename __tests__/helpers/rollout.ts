import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { attributeRegions } from '../../tools/stack-model/region-attribution';
import { StackModel } from '../../tools/stack-model/stack-model';
import { TerraformJson } from '../../tools/stack-model/terraform-json';
import { manifestOf, RELEASE_FILE, Release, releaseKey } from '../../tools/rollout/release';

/**
 * A release whose manifest says `regions` (region -> id) without a real stack behind it: for the orchestrator, the
 * bake and the report, which read ids and nothing else. `json` gives it a model when a test needs one.
 */
export function fakeRelease(name: string, regions: Record<string, string>, json: TerraformJson = {}, retiredRegions: string[] = []): Release {
  const manifest = { format: 1 as const, stack: API_STACK_NAME, regions, global: `${name}-global`, retiredRegions };
  const model = new StackModel(json);
  return { dir: `/releases/${name}`, stackDir: `/releases/${name}/stacks/${API_STACK_NAME}`, manifest, model, attribution: attributeRegions(model), key: releaseKey(manifest) };
}

/** A small stack in the shape of the real one: per region a function (with its archive), a check and its us-east-1 alarm. */
export function miniStack(memory: Record<string, number>): TerraformJson {
  const regions = Object.keys(memory);
  const resource: Record<string, Record<string, Record<string, unknown>>> = {
    aws_lambda_function: {}, aws_route53_health_check: {}, aws_cloudwatch_metric_alarm: {},
    aws_sns_topic: { 'health-check-alarms_topic': { provider: 'aws.us-east-1-monitoring', name: 'alarms' } },
  };
  for (const region of regions) {
    resource.aws_lambda_function[`region-${region}_hello-world_function`] = {
      provider: `aws.${region}`, function_name: 'hello', memory_size: memory[region], filename: 'assets/hello-world-code/archive.zip',
    };
    resource.aws_route53_health_check[`front-door-${region}_health-check`] = { provider: `aws.${region}`, fqdn: `${region}.api.example.com` };
    resource.aws_cloudwatch_metric_alarm[`health-check-alarms_alarm-${region}`] = {
      provider: 'aws.us-east-1-monitoring', dimensions: { HealthCheckId: `\${aws_route53_health_check.front-door-${region}_health-check.id}` },
      alarm_actions: ['${aws_sns_topic.health-check-alarms_topic.arn}'],
    };
  }
  return {
    provider: { aws: [...regions.map((region) => ({ alias: region, region })), { alias: 'us-east-1-monitoring', region: 'us-east-1' }] },
    resource,
    output: { regions: { value: Object.fromEntries(regions.map((region) => [region, {
      hostname: `${region}.api.example.com`, health_check_id: `\${aws_route53_health_check.front-door-${region}_health-check.id}`,
    }])) } },
  };
}

/** Writes a release folder holding `json` as its API stack, with the archive it names and a correct release.json. */
export function writeReleaseDir(dir: string, json: TerraformJson): string {
  const stackDir = join(dir, 'stacks', API_STACK_NAME);
  mkdirSync(join(stackDir, 'assets', 'hello-world-code'), { recursive: true });
  writeFileSync(join(stackDir, 'assets', 'hello-world-code', 'archive.zip'), 'PK fake archive');
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  writeFileSync(join(dir, RELEASE_FILE), JSON.stringify(manifestOf(stackDir, new StackModel(json))));
  return dir;
}

/**
 * Two release folders of a two-region mini stack (no synth: these tests need release folders, not the real stack,
 * which the stack-model suites cover): `next` gives us-west-2's function 512 MB, so only us-west-2's id differs.
 */
export function releasePair(): { previous: string; next: string } {
  const root = mkdtempSync(join(tmpdir(), 'rollout-releases-'));
  return {
    previous: writeReleaseDir(join(root, 'previous'), miniStack({ 'us-east-1': 128, 'us-west-2': 128 })),
    next: writeReleaseDir(join(root, 'next'), miniStack({ 'us-east-1': 128, 'us-west-2': 512 })),
  };
}

/** What cdktf writes for the mini stack (manifest.json, stacks/multi-region-api/): a stand-in synth for writeRelease. */
export function synthesizeMini(dir: string): void {
  const json = miniStack({ 'us-east-1': 128, 'us-west-2': 128 });
  const stackDir = join(dir, 'stacks', API_STACK_NAME);
  mkdirSync(join(stackDir, 'assets', 'hello-world-code'), { recursive: true });
  writeFileSync(join(stackDir, 'assets', 'hello-world-code', 'archive.zip'), 'PK fake archive');
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(json, null, 2));
  const stack = { name: API_STACK_NAME, workingDirectory: `stacks/${API_STACK_NAME}`, synthesizedStackPath: `stacks/${API_STACK_NAME}/cdk.tf.json` };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ stacks: { [API_STACK_NAME]: stack } }));
}
