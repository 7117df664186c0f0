import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { UsageError } from '../cli/args';
import { synthesizeInto } from '../stack-model/synthesize';
import { readSynthesizedStacks } from '../stack-model/synthesized-stacks';
import { manifestOf, RELEASE_FILE, ReleaseManifest } from './release';

/** Writes a synthesized output folder into `dir` (what cdktf writes: manifest.json and stacks/). */
export type Synthesize = (dir: string) => void;

/**
 * `npm run release -- --out <dir>`: synthesizes the current tree and config into `dir` with a release.json beside the
 * stacks. Written into `<dir>.partial-<pid>` and renamed into place, so `dir` is either absent or whole; an existing
 * non-empty `dir` is refused (a release is never overwritten).
 */
export function writeRelease(dir: string, synthesize: Synthesize = synthesizeInto): ReleaseManifest {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0) {
    throw new UsageError(`--out ${dir} already exists and is not empty: a release is never overwritten; choose a new folder`);
  }
  const partial = join(dirname(target), `.${basename(target)}.partial-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    synthesize(partial);
    const api = readSynthesizedStacks(partial).find((stack) => stack.name === API_STACK_NAME);
    if (!api) throw new Error(`the synthesized app has no ${API_STACK_NAME} stack`);
    const manifest = manifestOf(api.dir, api.model);
    writeFileSync(join(partial, RELEASE_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (existsSync(target)) rmSync(target, { recursive: true });
    renameSync(partial, target);
    return manifest;
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}
