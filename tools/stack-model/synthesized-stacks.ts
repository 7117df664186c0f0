import { readFileSync } from 'fs';
import { join } from 'path';

interface Manifest {
  readonly stacks: Record<string, { readonly name: string; readonly workingDirectory: string; readonly synthesizedStackPath: string }>;
}

export interface SynthesizedStackFile<Json> {
  readonly name: string;
  /** The stack's working directory: cdk.tf.json and its assets. */
  readonly dir: string;
  readonly json: Json;
}

/** Every stack cdktf wrote into `outdir`, in manifest order, with its JSON typed as far as the caller reads it. */
export function readSynthesizedStacks<Json>(outdir: string): Array<SynthesizedStackFile<Json>> {
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
    json: JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as Json,
  }));
}
