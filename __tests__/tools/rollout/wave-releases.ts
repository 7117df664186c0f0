import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { API_STACK_NAME } from '../../../src/contract';
import { manifestOf, readRelease, RELEASE_FILE, Release } from '../../../tools/rollout/release';
import { readSynthesizedStacks } from '../../../tools/stack-model/synthesized-stacks';
import { runMain } from '../../helpers/run-main';
import { writeConfigs } from '../plan-change/scenarios/configs';

/** Synthesizes each config (the compiled app) into a release folder; `edit` may change the stack folder first. */
export function releasesOf<K extends string>(configs: Record<K, Record<string, unknown>>, edit: Partial<Record<K, (stackDir: string) => void>> = {}): Record<K, Release> {
  const files = writeConfigs(configs);
  const releases = {} as Record<K, Release>;
  for (const name of Object.keys(configs) as K[]) {
    const run = runMain({ MULTI_REGION_CONFIG: files[name] });
    if (run.status !== 0) throw new Error(`synth of ${name} failed: ${run.stderr}`);
    const api = readSynthesizedStacks(run.outdir).find((stack) => stack.name === API_STACK_NAME)!;
    edit[name]?.(api.dir);
    writeFileSync(join(run.outdir, RELEASE_FILE), JSON.stringify(manifestOf(api.dir, api.model)));
    releases[name] = readRelease(run.outdir, name);
  }
  return releases;
}

/** Another hello handler: its archive with one more byte (a new source_code_hash, the function's code updated). */
export function changeHelloHandler(stackDir: string): void {
  const assets = join(stackDir, 'assets', 'hello-world-code');
  const archive = join(assets, readdirSync(assets)[0], 'archive.zip');
  writeFileSync(archive, Buffer.concat([readFileSync(archive), Buffer.from([0])]));
}
