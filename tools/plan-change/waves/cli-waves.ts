import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { renderWavePlan, wavePlanProblems } from '../../rollout/dry-run';
import { readRelease, RELEASE_FILE, Release, releaseOfStack } from '../../rollout/release';
import { parseWaves, regionsToRoll } from '../../rollout/waves';
import { TerraformBinary } from '../../terraform/find-terraform';
import { Notice } from '../cache';
import { RunGuard } from '../run-guard';
import { synthesizeConfig } from '../synth-config';
import { planWaveSets } from './plan-waves';

export interface WavesCliArgs {
  readonly from: string;
  readonly fromApp?: string;
  readonly to: string;
  readonly waves: string;
  readonly json: boolean;
}

/**
 * `plan:change --waves`: the rollout's dry run from two configs or release folders, printed exactly as
 * `npm run rollout -- --dry-run` prints it. Resolves with the exit code: 1 when the rollout would stop or a change is
 * an outage (one line each on stderr), else 0. Bad waves or releases throw UsageError (exit 2).
 */
export async function planWavesCli(args: WavesCliArgs, terraform: TerraformBinary, guard: RunGuard, notice: Notice): Promise<number> {
  const synthDir = mkdtempSync(join(tmpdir(), 'plan-change-waves-'));
  guard.holdFolder(synthDir);
  try {
    const [previous, to] = await Promise.all([
      releaseFrom(args.from, 'from', synthDir, guard, args.fromApp), releaseFrom(args.to, 'to', synthDir, guard),
    ]);
    const waves = parseWaves(args.waves, regionsToRoll(to, previous));
    const [run] = await planWaveSets([{ previous, to, waves }], { terraform, guard, notice });
    console.log(args.json ? JSON.stringify(run.plan, null, 2) : renderWavePlan(run.plan).join('\n'));
    const problems = wavePlanProblems(run.plan);
    problems.forEach((problem) => notice(problem));
    return problems.length > 0 ? 1 : 0;
  } finally {
    rmSync(synthDir, { recursive: true, force: true });
    guard.releaseFolder(synthDir);
  }
}

/** A release folder as it is, or a config synthesized (by `app` when given) into a release. */
async function releaseFrom(path: string, label: string, synthDir: string, guard: RunGuard, app?: string): Promise<Release> {
  if (existsSync(join(path, RELEASE_FILE))) return readRelease(path, `--${label}`);
  const stack = await synthesizeConfig(path, synthDir, { label, app, guard });
  return releaseOfStack(stack.dir, stack.model);
}
