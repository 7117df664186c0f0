import { readFileSync } from 'fs';
import { join } from 'path';
import { StackModel } from './stack-model';
import { TerraformJson } from './terraform-json';

interface Manifest {
  readonly stacks: Record<string, { readonly name: string; readonly workingDirectory: string; readonly synthesizedStackPath: string }>;
}

export interface SynthesizedStack {
  readonly name: string;
  /** The stack's working directory: cdk.tf.json and its assets. */
  readonly dir: string;
  readonly model: StackModel;
}

/** Every stack cdktf wrote into `outdir` (read through its manifest.json), in manifest order. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const manifestFile = join(outdir, 'manifest.json');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${manifestFile} cannot be read (${(error as Error).message}); synthesize first`);
  }
  return Object.values(manifest.stacks).map((stack) => ({
    name: stack.name,
    dir: join(outdir, stack.workingDirectory),
    model: new StackModel(JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as TerraformJson),
  }));
}
