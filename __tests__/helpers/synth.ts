import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { App, TerraformStack, Testing } from 'cdktf';
import { MultiRegionConfig } from '../../src/config/types';
import { API_STACK_NAME } from '../../src/contract';
import { StackModel } from '../../tools/stack-model/stack-model';
import { MultiRegionApiStack } from '../../src/stacks/multi-region-api-stack';
import { testConfig } from './config';

export type Resource = Record<string, unknown> & { provider?: string };
export interface SynthesizedStack {
  readonly resource: Record<string, Record<string, Resource>>;
  readonly provider: { aws: Array<Record<string, unknown>> };
  readonly output?: Record<string, { value: unknown }>;
  readonly terraform: Record<string, unknown>;
}

export function synthApiStack(config: MultiRegionConfig = testConfig()): { json: string; stack: SynthesizedStack } {
  const stack = new MultiRegionApiStack(Testing.app() as App, API_STACK_NAME, { config });
  const json = Testing.synth(stack);
  return { json, stack: JSON.parse(json) as SynthesizedStack };
}

/** Resources of one type (e.g. `aws_lambda_function`), keyed by logical id. */
export function resourcesOf(stack: SynthesizedStack, type: string): Array<[string, Resource]> {
  return new StackModel(stack).resources(type).map((r) => [r.name, r.body as Resource]);
}

/** The resources of one type whose provider is bound to `region`, with their logical ids. */
function boundTo(stack: SynthesizedStack, type: string, region: string): Array<[string, Resource]> {
  const model = new StackModel(stack);
  return model.resources(type).filter((r) => model.regionOf(r) === region).map((r) => [r.name, r.body as Resource]);
}

/** Resources of one type bound to one region's provider. */
export function inRegion(stack: SynthesizedStack, type: string, region: string): Resource[] {
  return boundTo(stack, type, region).map(([, r]) => r);
}

/** The one resource of a type in a region (fails the test if there is not exactly one). */
export function onlyInRegion(stack: SynthesizedStack, type: string, region: string): [string, Resource] {
  const found = boundTo(stack, type, region);
  if (found.length !== 1) throw new Error(`expected one ${type} in ${region}, found ${found.length}`);
  return found[0];
}

/** A Terraform reference as cdktf writes it: `${type.id.attribute}`. */
export function ref(type: string, id: string, attribute: string): string {
  return `\${${type}.${id}.${attribute}}`;
}

/** Synthesizes constructs built by `build` in a bare stack with one provider aliased `us-east-1`. */
export function synthConstructs(build: (scope: TerraformStack, provider: AwsProvider) => void): SynthesizedStack {
  const stack = new TerraformStack(Testing.app() as App, 'test');
  const provider = new AwsProvider(stack, 'aws', { region: 'us-east-1', alias: 'us-east-1' });
  build(stack, provider);
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}
