import { readFileSync } from 'fs';
import { join } from 'path';

/** The parts of a synthesized cdk.tf.json the harness reads. */
export interface StackJson {
  readonly provider?: { readonly aws?: ReadonlyArray<{ readonly alias?: string; readonly region?: string }> };
  readonly resource?: Record<string, Record<string, { readonly provider?: string }>>;
  readonly output?: Record<string, unknown>;
}

export interface SynthesizedStack {
  readonly name: string;
  /** The stack's working directory: cdk.tf.json and its assets. */
  readonly dir: string;
  readonly json: StackJson;
}

interface Manifest {
  readonly stacks: Record<string, { readonly name: string; readonly workingDirectory: string; readonly synthesizedStackPath: string }>;
}

/** Every stack cdktf wrote into `outdir`, in manifest order. */
export function synthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  return Object.values(manifest.stacks).map((stack) => ({
    name: stack.name,
    dir: join(outdir, stack.workingDirectory),
    json: JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as StackJson,
  }));
}

/** `type.name` of every resource in the stack. */
export function synthesizedAddresses(stack: StackJson): string[] {
  return Object.entries(stack.resource ?? {}).flatMap(([type, byName]) => Object.keys(byName).map((name) => `${type}.${name}`));
}
