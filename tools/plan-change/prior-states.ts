import { mkdtempSync } from 'fs';
import { join } from 'path';
import { BatchMember, BatchWorkspace, planBatch } from './batch';
import { batchesOf } from './batch-config';
import { combinedState, firstMembers, memberPlan, memberState } from './batch-views';
import { CacheEntry, hashOf } from './cache';
import { BuildState, Convergence, ConvergencePlan, convergePriorState, stackStateBuilder } from './converge';
import { providerSchemas } from './init-folder';
import { StackResources } from './prior-state/resolve-references';
import { ResourceSchemas } from './prior-state/schema';
import { lineageFor, StateFile, stateFileProblem } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { StackFile } from './synth-config';
import { PlansByTarget, planTargets, RunContext, stateFor, Target } from './targets';

/** A deployed stack's proven prior state, and how the run had it. */
export interface PriorState {
  readonly state: StateFile;
  /** Convergence rounds (0 when cached). */
  readonly rounds: number;
  readonly cached: boolean;
}

/** Bump when the way a prior state is built changes, so cached states from older builders are not reused. */
const PRIOR_STATE_BUILDER = '4';

/** One deployed stack of the run: the set it belongs to and where its proven state is cached. */
interface Deployed {
  readonly stack: StackFile;
  readonly setIndex: number;
  readonly entry: CacheEntry<StateFile>;
  /** The lineage its state keeps, cached or rebuilt. */
  readonly lineage: string;
}

/** A deployed stack converging with others, and how its state is built from a plan. */
interface Converging extends Deployed {
  readonly build: BuildState;
}

/** The cache entry of a stack's proven prior state, per init folder (Terraform and provider). */
export function priorStateEntry(cache: string, initDir: string, stack: StackFile): CacheEntry<StateFile> {
  const key = hashOf(PRIOR_STATE_BUILDER, initDir, JSON.stringify(stack.model.json));
  return new CacheEntry<StateFile>(join(cache, `state-${key}.json`), 'prior state', key, stateFileProblem);
}

/** A deployed stack of the run, with the cache entry of its proven prior state. */
function deployedStack(stack: StackFile, setIndex: number, context: RunContext): Deployed {
  const entry = priorStateEntry(context.cache, context.initDir, stack);
  return { stack, setIndex, entry, lineage: lineageFor(entry.file) };
}

/**
 * Each deployed stack's proven prior state: from the cache, or converged (all that are missing, together) and
 * cached. The targets of a converging stack are planned with its last round, into `plans`.
 */
export async function priorStatesOf(stacks: readonly StackFile[], targets: readonly Target[], plans: PlansByTarget,
  context: RunContext): Promise<PriorState[]> {
  const deployed = stacks.map((stack, setIndex) => deployedStack(stack, setIndex, context));
  const cached = deployed.map((d) => (context.reuseState === false ? undefined : d.entry.read(context.notice)));
  const built = new Map<number, Convergence>();
  await Promise.all(batchesOf(deployed.filter((d) => cached[d.setIndex] === undefined)).map(async (group) => {
    const converged = await convergeTogether(group, targets.filter((t) => group.some((d) => d.setIndex === t.setIndex)), plans, context);
    group.forEach((d, k) => {
      d.entry.write(converged[k].state);
      built.set(d.setIndex, converged[k]);
    });
  }));
  return deployed.map((d): PriorState => {
    const state = cached[d.setIndex];
    return state ? { state, rounds: 0, cached: true } : { ...built.get(d.setIndex)!, cached: false };
  });
}

/**
 * Converges one state per deployed stack (stacks whose providers agree, as modules of one root). From round 2 on each
 * candidate is planned in one run with the stacks' targets (`verifyWithTargets`).
 */
async function convergeTogether(group: readonly Deployed[], targets: readonly Target[], plans: PlansByTarget,
  context: RunContext): Promise<Convergence[]> {
  const schemas = providerSchemas(context.session, context.initDir, context.cache, context.notice);
  schemas.catch(() => undefined); // awaited (and its failure reported) after the create plan
  const members: Converging[] = group.map((d) => ({ ...d, build: stateBuilderOf(d.stack, d.entry.file, schemas, context.terraform.version) }));
  const split = (combined: StateFile) => members.map((m, k) => memberState(combined, k, m.lineage));
  const workspace = await BatchWorkspace.create(
    context.session, context.initDir, mkdtempSync(join(context.workDir, 'converge-')), members.map((m) => m.stack),
  );
  const converged = await convergePriorState(workspace, {
    build: async (plan, prior) => combinedState(await Promise.all(members.map((m, k) =>
      m.build(memberPlan(plan, k), prior && memberState(prior, k, m.lineage))))),
    verify: (candidate) => verifyWithTargets(split(candidate), members, targets, plans, context),
  });
  return split(converged.state).map((state) => ({ state, rounds: converged.rounds }));
}

/** A member of a verifying run: a deployed stack, or a target (which says which). */
type RunMember = BatchMember & { readonly target?: Target };

/**
 * Plans candidate states (one per deployed stack) in one run with the targets planned against them, the deployed
 * stacks first so that the run's plan folds like the convergence's own. When the deployed stacks plan no change,
 * the states are proven and the targets' plans are kept in `plans`.
 */
async function verifyWithTargets(states: readonly StateFile[], members: readonly Deployed[], targets: readonly Target[],
  plans: PlansByTarget, context: RunContext): Promise<{ changed: boolean; plan?: ConvergencePlan }> {
  const deployed: RunMember[] = members.map((m, k) => ({ stack: m.stack, state: states[k] }));
  const changes: RunMember[] = targets.map((target) => ({
    target, stack: target.stack, state: stateFor(target, states[members.findIndex((m) => m.setIndex === target.setIndex)]),
  }));
  // The deployed stacks share their providers (one convergence group), so they are the first members of the first run.
  const [first, ...rest] = batchesOf([...deployed, ...changes]);
  const run = await planBatch(context.session, context.initDir, mkdtempSync(join(context.workDir, 'batch-')), first);
  if (run.members.slice(0, members.length).some(plansChanges)) {
    return { changed: true, plan: firstMembers(run.plan, members.length) };
  }
  first.forEach((member, k) => member.target && plans.set(member.target.index, run.members[k]));
  await planTargets(rest.flat().flatMap((m) => (m.target ? [{ ...m.target, state: m.state }] : [])), plans, context);
  return { changed: false };
}

/** Whether a stack's plan changes any managed resource. */
function plansChanges(plan: ChangePlanJson): boolean {
  return (plan.resource_changes ?? []).some((c) => c.mode === 'managed' && c.change.actions.join() !== 'no-op');
}

function stateBuilderOf(stack: StackFile, seed: string, schemas: Promise<ResourceSchemas>, terraformVersion: string) {
  return stackStateBuilder({ schemas, resources: (stack.model.json.resource ?? {}) as StackResources, terraformVersion, seed });
}
