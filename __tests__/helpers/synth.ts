import { App, Testing } from 'cdktf';
import { MultiRegionConfig } from '../../src/config/types';
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
  const stack = new MultiRegionApiStack(Testing.app() as App, 'multi-region-api', { config });
  const json = Testing.synth(stack);
  return { json, stack: JSON.parse(json) as SynthesizedStack };
}

/** Resources of one type (e.g. `aws_lambda_function`), keyed by logical id. */
export function resourcesOf(stack: SynthesizedStack, type: string): Array<[string, Resource]> {
  return Object.entries(stack.resource[type] ?? {});
}

/** Resources of one type bound to one region's provider alias. */
export function inRegion(stack: SynthesizedStack, type: string, region: string): Resource[] {
  return resourcesOf(stack, type).map(([, r]) => r).filter((r) => r.provider === `aws.${region}`);
}
