import { cpSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { readSynthesizedStacks } from '../../tools/stack-model/synthesized-stacks';
import { StackModel } from '../../tools/stack-model/stack-model';
import { MINIMAL } from './config';
import { runMain } from './run-main';

export interface SynthesizedApi {
  /** The cdktf output folder (manifest.json, stacks/). */
  readonly outdir: string;
  /** stacks/multi-region-api in it. */
  readonly stackDir: string;
  readonly model: StackModel;
}

/** Synthesizes the compiled app (fast: dist/main.js) for the minimal config plus `overrides`, into a fresh folder. */
export function synthesizeApi(overrides: Record<string, unknown> = {}): SynthesizedApi {
  const configFile = join(mkdtempSync(join(tmpdir(), 'release-config-')), 'config.json');
  writeFileSync(configFile, JSON.stringify({ ...MINIMAL, ...overrides }));
  const run = runMain({ MULTI_REGION_CONFIG: configFile });
  if (run.status !== 0) throw new Error(`synth failed: ${run.stderr}`);
  const api = readSynthesizedStacks(run.outdir).find((stack) => stack.name === API_STACK_NAME)!;
  return { outdir: run.outdir, stackDir: api.dir, model: api.model };
}

/** A copy of a synthesized output folder, to edit without touching the original. */
export function copyOutput(api: SynthesizedApi): SynthesizedApi {
  const outdir = mkdtempSync(join(tmpdir(), 'release-copy-'));
  cpSync(api.outdir, outdir, { recursive: true });
  const stack = readSynthesizedStacks(outdir).find((s) => s.name === API_STACK_NAME)!;
  return { outdir, stackDir: stack.dir, model: stack.model };
}
