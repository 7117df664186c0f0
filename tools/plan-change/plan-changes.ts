import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { createTerraformSession } from '../terraform/session';
import { cacheDir, Notice } from './cache';
import { initFolder } from './init-folder';
import { priorStatesOf } from './prior-states';
import { requireRetiredRegions } from './retired-regions';
import { ChangePlanJson } from './risk/changes';
import { Classification, classifyPlan } from './risk/classify';
import { RunGuard } from './run-guard';
import { StackFile, synthesizeConfig } from './synth-config';
import { ChangeTarget, PlansByTarget, planTargets, RunContext, stateFor, Target } from './targets';

export type { ChangeTarget } from './targets';

/** Changes from one deployed config: the configs to plan against its prior state. */
export interface ChangeSet {
  readonly from: string;
  readonly to: ReadonlyArray<string | ChangeTarget>;
  /** The compiled app that synthesizes `from`. @default this checkout's dist/main.js */
  readonly fromApp?: string;
}

export interface ChangePlanOptions {
  readonly terraform: TerraformBinary;
  /** false: build and prove the prior state even when the cache holds one (it is then cached anew). @default true */
  readonly reuseState?: boolean;
  /** Ends this run's processes and removes its folders if it is stopped (e.g. on Ctrl-C). @default a guard of its own */
  readonly guard?: RunGuard;
  /** Gets each thing the run noticed on the way (one line), e.g. a cache entry it rebuilt. @default ignored */
  readonly notice?: Notice;
}

export interface ChangePlanResult {
  readonly classification: Classification;
  readonly plan: ChangePlanJson;
  readonly priorState: { readonly rounds: number; readonly cached: boolean };
  readonly mirror?: string;
}

/**
 * Several deployed configs and the changes to plan from each, with as few Terraform runs as the work allows: the
 * prior states that are not cached converge together (their stacks as modules of one root, round after round), and
 * from the second round on each candidate state is planned in one run with the changes from it (batch.ts): when the
 * deployed configs plan no change against it, it is proven and the changes are already planned. Results per set, in
 * the order of its `to`.
 */
export async function planChangeSets(sets: readonly ChangeSet[], options: ChangePlanOptions): Promise<ChangePlanResult[][]> {
  const guard = options.guard ?? new RunGuard();
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  guard.holdFolder(workDir);
  try {
    const { froms, targets } = await synthesizeAll(sets, workDir, guard);
    targets.forEach((target) => requireRetiredRegions(froms[target.setIndex], target.stack, target.config));
    const session = { ...createTerraformSession(options.terraform, { workDir }), processGroups: guard };
    const context: RunContext = {
      session, cache, workDir, initDir: await initFolder(session, froms[0], cache, guard),
      terraform: options.terraform, reuseState: options.reuseState, notice: options.notice ?? (() => undefined),
    };
    const plans: PlansByTarget = new Map();
    const priors = await priorStatesOf(froms, targets, plans, context);
    const unplanned = targets.filter((t) => !plans.has(t.index));
    await planTargets(unplanned.map((t) => ({ ...t, state: stateFor(t, priors[t.setIndex].state) })), plans, context);
    return sets.map((_, setIndex) => targets.filter((t) => t.setIndex === setIndex).map((t) => ({
      classification: classifyPlan(plans.get(t.index)!),
      plan: plans.get(t.index)!,
      priorState: { rounds: priors[setIndex].rounds, cached: priors[setIndex].cached },
      mirror: session.mirror,
    })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    guard.releaseFolder(workDir);
  }
}

/** One change from `from` to `to`: one set of `planChangeSets`. */
export async function planChange(options: ChangePlanOptions & { readonly from: string; readonly to: string; readonly fromApp?: string }):
  Promise<ChangePlanResult> {
  const [[result]] = await planChangeSets([{ from: options.from, to: [options.to], fromApp: options.fromApp }], options);
  return result;
}

/** Every deployed config and every config to change to, synthesized (two at a time). */
async function synthesizeAll(sets: readonly ChangeSet[], workDir: string, guard: RunGuard): Promise<{ froms: StackFile[]; targets: Target[] }> {
  const entries = sets.flatMap((set, setIndex) => set.to.map((to) => ({ setIndex, target: typeof to === 'string' ? { config: to } : to })));
  const fromRuns = mapLimited(sets, 2, (set) => synthesizeConfig(set.from, workDir, { label: 'from', app: set.fromApp, guard }));
  const toRuns = mapLimited(entries, 2, ({ target }) => synthesizeConfig(target.config, workDir, { label: 'to', guard }));
  throwFirstRejection(await Promise.allSettled([fromRuns, toRuns]));
  const [froms, stacks] = [await fromRuns, await toRuns];
  const targets = entries.map(({ setIndex, target }, index): Target => ({
    index, setIndex, config: target.config, stack: stacks[index], editState: target.editState,
  }));
  return { froms, targets };
}

/**
 * `work` on every item, at most `limit` at a time. After a failure no new item is started, and it rejects only when
 * the items under way have ended too (nothing of the run is still writing when its folder is removed).
 */
async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await work(items[index], index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  });
  throwFirstRejection(await Promise.allSettled(lanes));
  return results;
}

/** Throws the reason of the first promise that rejected. */
function throwFirstRejection(settled: readonly PromiseSettledResult<unknown>[]): void {
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
}
