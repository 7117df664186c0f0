import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { createTerraformSession, TerraformSession } from '../terraform/session';
import { BatchWorkspace, planBatch } from './batch';
import { batchesOf } from './batch-config';
import { combinedState, memberPlan, memberState } from './batch-views';
import { cacheDir, priorStateFile, readCached, writeCached } from './cache';
import { Convergence, convergePriorState, stackStateBuilder } from './converge';
import type { ChangePlanOptions, ChangePlanResult, ChangeTarget } from './engine';
import { StackResources } from './prior-state/references';
import { ResourceSchemas } from './prior-state/schema';
import { lineageFor, StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { classifyPlan } from './risk/classify';
import { StackFile, synthesizeConfig } from './synth-config';
import { ChangeWorkspace, initFolder, providerSchemas } from './workspace';

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

/**
 * Several deployed configs and the changes to plan from each, with as few Terraform runs as the work allows: the
 * prior states that are not cached converge together (their stacks as modules of one root, round after round), then
 * every change of every set is planned in one run where their providers agree (batch.ts). Results per set, in the
 * order of its `to`.
 */
export async function planChangeSets(
  sets: readonly ChangeSet[], options: Pick<ChangePlanOptions, 'terraform' | 'reuseState'>,
): Promise<ChangePlanResult[][]> {
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  try {
    const froms = await mapLimited(sets, 4, (set, index) => synthesizeConfig(set.from, workDir, `from${index}`, set.fromApp));
    const session = createTerraformSession(options.terraform, { workDir });
    const initDir = await initFolder(session, froms[0], cache);
    const context: Context = { session, cache, initDir, workDir, terraform: options.terraform, reuseState: options.reuseState };
    const priors = await priorStatesOf(froms, context);
    const targets = sets.flatMap((set, setIndex) => set.to.map((to) => ({ setIndex, target: typeof to === 'string' ? { config: to } : to })));
    const stacks = await mapLimited(targets, 4, ({ target }, index) => synthesizeConfig(target.config, workDir, `to${index}`));
    const members = targets.map(({ setIndex, target }, index) => {
      const prior = priors[setIndex].state;
      return { index, setIndex, stack: stacks[index], state: target.editState ? target.editState(JSON.parse(JSON.stringify(prior)) as StateFile) : prior };
    });
    const plans: ChangePlanJson[] = new Array(members.length);
    for (const batch of batchesOf(members)) {
      const planned = await planBatch(session, initDir, mkdtempSync(join(workDir, 'batch-')), batch);
      batch.forEach((member, k) => { plans[member.index] = planned[k]; });
    }
    return sets.map((_, setIndex) => members.filter((m) => m.setIndex === setIndex).map((m) => ({
      classification: classifyPlan(plans[m.index]),
      plan: plans[m.index],
      priorState: { rounds: priors[setIndex].rounds, cached: priors[setIndex].cached },
      mirror: session.mirror,
    })));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Each stack's proven prior state: from the cache, or converged (all that are missing, together) and cached. */
async function priorStatesOf(stacks: readonly StackFile[], context: Context): Promise<PriorState[]> {
  const files = stacks.map((stack) => priorStateFile(context.cache, context.initDir, stack));
  const cached = files.map((file) => (context.reuseState === false ? undefined : readCached(file)));
  const missing = stacks.map((stack, index) => ({ stack, index, seed: files[index] })).filter(({ index }) => cached[index] === undefined);
  const built = new Map<number, Convergence>();
  await Promise.all(batchesOf(missing).map(async (group) => {
    const converged = await convergeTogether(group.map((m) => m.stack), group.map((m) => m.seed), context);
    group.forEach(({ index }, k) => {
      writeCached(files[index], JSON.stringify(converged[k].state));
      built.set(index, converged[k]);
    });
  }));
  return stacks.map((_, index) => {
    const text = cached[index];
    return text !== undefined ? { state: JSON.parse(text) as StateFile, rounds: 0, cached: true } : { ...built.get(index)!, cached: false };
  });
}

/** Converges one state per stack; several stacks (whose providers agree) as modules of one root, planned together each round. */
async function convergeTogether(stacks: readonly StackFile[], seeds: readonly string[], context: Context): Promise<Convergence[]> {
  const schemas = providerSchemas(context.session, context.initDir, context.cache);
  schemas.catch(() => undefined); // awaited (and its failure reported) after the create plan
  const builders = stacks.map((stack, index) => stateBuilderOf(stack, seeds[index], schemas, context.terraform.version));
  if (stacks.length === 1) {
    return [await convergePriorState(new ChangeWorkspace(context.session, stacks[0], context.initDir), { build: builders[0] })];
  }
  const lineages = seeds.map((seed) => lineageFor(seed));
  const workspace = await BatchWorkspace.create(context.session, context.initDir, mkdtempSync(join(context.workDir, 'converge-')), stacks);
  const converged = await convergePriorState(workspace, {
    build: async (plan, prior) => combinedState(await Promise.all(builders.map((build, index) =>
      build(memberPlan(plan, index), prior && memberState(prior, index, lineages[index]))))),
  });
  return stacks.map((_, index) => ({ state: memberState(converged.state, index, lineages[index]), rounds: converged.rounds }));
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
