import { readSynthesizedStacks, SynthesizedStackFile } from '../stack-model/synthesized-stacks';

/** The parts of a synthesized cdk.tf.json the harness reads. */
export interface StackJson {
  readonly provider?: { readonly aws?: ReadonlyArray<{ readonly alias?: string; readonly region?: string }> };
  readonly resource?: Record<string, Record<string, { readonly provider?: string }>>;
  readonly output?: Record<string, unknown>;
}

export type SynthesizedStack = SynthesizedStackFile<StackJson>;

/** Every stack cdktf wrote into `outdir`, in manifest order. */
export function synthesizedStacks(outdir: string): SynthesizedStack[] {
  return readSynthesizedStacks<StackJson>(outdir);
}

/** `type.name` of every resource in the stack. */
export function synthesizedAddresses(stack: StackJson): string[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}
