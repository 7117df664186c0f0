import { readFileSync } from 'fs';
import { join } from 'path';
import { NamedStack } from './run';
import { StackJson } from './types';

interface Manifest {
  readonly stacks: Record<string, { readonly synthesizedStackPath: string }>;
}

/** Every stack a cdktf output folder holds, as listed by its manifest.json. */
export function readSynthesizedStacks(outdir: string): NamedStack[] {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(outdir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (error) {
    throw new Error(`${join(outdir, 'manifest.json')} cannot be read (${(error as Error).message}); synthesize first`);
  }
  return Object.entries(manifest.stacks).map(([name, stack]) => ({
    name,
    json: JSON.parse(readFileSync(join(outdir, stack.synthesizedStackPath), 'utf8')) as StackJson,
  }));
}
