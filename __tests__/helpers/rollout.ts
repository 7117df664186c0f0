import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { attributeRegions } from '../../tools/stack-model/region-attribution';
import { StackModel } from '../../tools/stack-model/stack-model';
import { TerraformJson } from '../../tools/stack-model/terraform-json';
import { Clock } from '../../tools/rollout/clock';
import { manifestOf, RELEASE_FILE, Release, releaseKey } from '../../tools/rollout/release';
import { synthesizeApi } from './synthesized-release';

/**
 * A release whose manifest says `regions` (region -> id) without a real stack behind it: for the orchestrator, the
 * bake and the report, which read ids and nothing else. `json` gives it a model when a test needs one.
 */
export function fakeRelease(name: string, regions: Record<string, string>, json: TerraformJson = {}, retiredRegions: string[] = []): Release {
  const manifest = { format: 1 as const, stack: API_STACK_NAME, regions, global: `${name}-global`, retiredRegions };
  const model = new StackModel(json);
  return { dir: `/releases/${name}`, stackDir: `/releases/${name}/stacks/${API_STACK_NAME}`, manifest, model, attribution: attributeRegions(model), key: releaseKey(manifest) };
}

/** A clock that jumps instead of waiting; `onSleep` runs before each jump (tests fire interrupts from it). */
export class FakeClock implements Clock {
  time = 1_000_000;
  sleeps = 0;
  constructor(private readonly onSleep: (count: number) => void = () => undefined) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps += 1;
    this.onSleep(this.sleeps);
    if (signal?.aborted) throw signal.reason;
    this.time += ms;
  }
}

/**
 * Two release folders of the example config from one synth: `previous` as synthesized, `next` with us-west-2's hello
 * function at 512 MB (only us-west-2's id differs). Each has a correct release.json.
 */
export function releasePair(): { previous: string; next: string } {
  const api = synthesizeApi();
  const root = mkdtempSync(join(tmpdir(), 'rollout-releases-'));
  const write = (name: string, edit: (json: TerraformJson & { resource: Record<string, Record<string, Record<string, unknown>>> }) => void) => {
    const dir = join(root, name);
    cpSync(api.outdir, dir, { recursive: true });
    const stackDir = join(dir, 'stacks', API_STACK_NAME);
    const file = join(stackDir, 'cdk.tf.json');
    const json = JSON.parse(readFileSync(file, 'utf8'));
    edit(json);
    writeFileSync(file, JSON.stringify(json, null, 2));
    writeFileSync(join(dir, RELEASE_FILE), JSON.stringify(manifestOf(stackDir, new StackModel(json))));
    return dir;
  };
  return {
    previous: write('previous', () => undefined),
    next: write('next', (json) => {
      const functions = json.resource.aws_lambda_function;
      functions[Object.keys(functions).find((name) => name.startsWith('region-us-west-2_hello-world'))!].memory_size = 512;
    }),
  };
}
