import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { createTerraformSession, TerraformSession } from '../terraform/session';
import { BatchMember, BatchWorkspace, planBatch } from './batch';
import { batchesOf } from './batch-config';
import { combinedState, firstMembers, memberPlan, memberState } from './batch-views';
import { cacheDir, priorStateFile, readCached, writeCached } from './cache';
import { Convergence, ConvergencePlan, convergePriorState, stackStateBuilder } from './converge';
import type { ChangePlanOptions, ChangePlanResult, ChangeTarget } from './engine';
import { StackResources } from './prior-state/resolve-references';
import { ResourceSchemas } from './prior-state/schema';
import { lineageFor, StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { classifyPlan } from './risk/classify';
import { StackFile, synthesizeConfig } from './synth-config';
import { initFolder, providerSchemas } from './workspace';

/** Changes from one deployed config: the configs to plan against its prior state. */
export interface ChangeSet {
  readonly from: string;
  readonly to: ReadonlyArray<string | ChangeTarget>;
  /** The compiled app that synthesizes `from`. @default this checkout's dist/main.js */
  readonly fromApp?: string;
}

interface PriorState { readonly state: StateFile; readonly rounds: number; readonly cached: boolean }

interface Context {
  readonly session: TerraformSession;
  readonly cache: string;
  readonly initDir: string;
  readonly workDir: string;
  readonly terraform: TerraformBinary;
  readonly reuseState?: boolean;
}

/** A config of `to`, synthesized, with the set it belongs to and its position among all changes. */
interface Target {
  readonly index: number;
  readonly setIndex: number;
  readonly stack: StackFile;
  readonly editState?: ChangeTarget['editState'];
}

/**
 * Several deployed configs and the changes to plan from each, with as few Terraform runs as the work allows: the
 * prior states that are not cached converge together (their stacks as modules of one root, round after round), and
 * from the second round on each candidate state is planned in one run with the changes from it (batch.ts): when the
 * deployed configs plan no change against it, it is proven and the changes are already planned. Results per set, in
 * the order of its `to`.
 */
export async function planChangeSets(
  sets: readonly ChangeSet[], options: Pick<ChangePlanOptions, 'terraform' | 'reuseState'>,
): Promise<ChangePlanResult[][]> {
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  try {
    const entries = sets.flatMap((set, setIndex) => set.to.map((to) => ({ setIndex, target: typeof to === 'string' ? { config: to } : to })));
    const [froms, stacks] = await Promise.all([
      mapLimited(sets, 2, (set) => synthesizeConfig(set.from, workDir, 'from', set.fromApp)),
      mapLimited(entries, 2, ({ target }) => synthesizeConfig(target.config, workDir, 'to')),
    ]);
    const targets: Target[] = entries.map(({ setIndex, target }, index) => ({ index, setIndex, stack: stacks[index], editState: target.editState }));
    const session = createTerraformSession(options.terraform, { workDir });
    const initDir = await initFolder(session, froms[0], cache);
    const context: Context = { session, cache, initDir, workDir, terraform: options.terraform, reuseState: options.reuseState };
    const plans = new Map<number, ChangePlanJson>();
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
  }
}

/** The prior state a target is planned against: its set's, edited when the target says so (on a copy). */
function stateFor(target: Target, prior: StateFile): StateFile {
  return target.editState ? target.editState(JSON.parse(JSON.stringify(prior)) as StateFile) : prior;
}

/** Plans targets (each with its state) in as few runs as their providers allow; records each one's plan. */
async function planTargets(members: ReadonlyArray<Target & { state: StateFile }>, plans: Map<number, ChangePlanJson>, context: Context) {
  for (const batch of batchesOf(members)) {
    const planned = await planBatch(context.session, context.initDir, mkdtempSync(join(context.workDir, 'batch-')), batch);
    batch.forEach((target, k) => plans.set(target.index, planned.members[k]));
  }
}

/**
 * Each deployed stack's proven prior state: from the cache, or converged (all that are missing, together) and
 * cached. The targets of a converging stack are planned with its last round, into `plans`.
 */
async function priorStatesOf(stacks: readonly StackFile[], targets: readonly Target[], plans: Map<number, ChangePlanJson>, context: Context): Promise<PriorState[]> {
  const files = stacks.map((stack) => priorStateFile(context.cache, context.initDir, stack));
  const cached = files.map((file) => (context.reuseState === false ? undefined : readCached(file)));
  const missing = stacks.map((stack, setIndex) => ({ stack, setIndex })).filter(({ setIndex }) => cached[setIndex] === undefined);
  const built = new Map<number, Convergence>();
  await Promise.all(batchesOf(missing).map(async (group) => {
    const converged = await convergeTogether(group, targets.filter((t) => group.some((g) => g.setIndex === t.setIndex)), plans, files, context);
    group.forEach(({ setIndex }, k) => {
      writeCached(files[setIndex], JSON.stringify(converged[k].state));
      built.set(setIndex, converged[k]);
    });
  }));
  return stacks.map((_, setIndex) => {
    const text = cached[setIndex];
    return text !== undefined ? { state: JSON.parse(text) as StateFile, rounds: 0, cached: true } : { ...built.get(setIndex)!, cached: false };
  });
}

/**
 * Converges one state per deployed stack (stacks whose providers agree, as modules of one root). From round 2 on each
 * candidate is planned in one run with the stacks' targets, the deployed stacks first so that run's plan folds like
 * the convergence's own; the targets' plans of the run that proves the states are kept in `plans`.
 */
async function convergeTogether(group: ReadonlyArray<{ stack: StackFile; setIndex: number }>, targets: readonly Target[],
  plans: Map<number, ChangePlanJson>, files: readonly string[], context: Context): Promise<Convergence[]> {
  const schemas = providerSchemas(context.session, context.initDir, context.cache);
  schemas.catch(() => undefined); // awaited (and its failure reported) after the create plan
  const lineages = group.map(({ setIndex }) => lineageFor(files[setIndex]));
  const builders = group.map(({ stack, setIndex }) => stateBuilderOf(stack, files[setIndex], schemas, context.terraform.version));
  const split = (combined: StateFile) => group.map((_, k) => memberState(combined, k, lineages[k]));
  const verify = async (candidate: StateFile) => {
    const states = split(candidate);
    const deployed: Array<BatchMember & { index?: number }> = group.map(({ stack }, k) => ({ stack, state: states[k] }));
    const changes = targets.map((t) => ({ ...t, state: stateFor(t, states[group.findIndex((g) => g.setIndex === t.setIndex)]) }));
    const [first, ...rest] = batchesOf([...deployed, ...changes]);
    const run = await planBatch(context.session, context.initDir, mkdtempSync(join(context.workDir, 'batch-')), first);
    if (run.members.slice(0, group.length).some(plansChanges)) return { changed: true, plan: firstMembers(run.plan, group.length) as ConvergencePlan };
    first.slice(group.length).forEach((member, k) => plans.set(member.index!, run.members[group.length + k]));
    await planTargets(rest.flat() as Array<Target & { state: StateFile }>, plans, context);
    return { changed: false };
  };
  const workspace = await BatchWorkspace.create(
    context.session, context.initDir, mkdtempSync(join(context.workDir, 'converge-')), group.map((g) => g.stack),
  );
  const converged = await convergePriorState(workspace, {
    build: async (plan, prior) => combinedState(await Promise.all(builders.map((build, k) =>
      build(memberPlan(plan, k), prior && memberState(prior, k, lineages[k]))))),
    verify,
  });
  return split(converged.state).map((state) => ({ state, rounds: converged.rounds }));
}

/** Whether a stack's plan changes any managed resource. */
function plansChanges(plan: ChangePlanJson): boolean {
  return (plan.resource_changes ?? []).some((c) => c.mode === 'managed' && c.change.actions.join() !== 'no-op');
}

function stateBuilderOf(stack: StackFile, seed: string, schemas: Promise<ResourceSchemas>, terraformVersion: string) {
  return stackStateBuilder({ schemas, resources: (stack.model.json.resource ?? {}) as StackResources, terraformVersion, seed });
}

async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
    }
  });
  await Promise.all(lanes);
  return results;
}
