import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { createTerraformSession } from '../terraform/session';
import { batchesOf, planBatch } from './batch';
import { cacheDir, hashOf, readCached, writeCached } from './cache';
import { convergePriorState } from './converge';
import { StackResources } from './prior-state/references';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { Classification, classifyPlan } from './risk/classify';
import { synthesizeConfig } from './synth-config';
import { ChangeWorkspace, initFolder, providerSchemas } from './workspace';

/** Bump when the way a prior state is built changes, so cached states from older builders are not reused. */
const PRIOR_STATE_BUILDER = '3';

export interface ChangePlanResult {
  readonly classification: Classification;
  readonly plan: ChangePlanJson;
  readonly priorState: { readonly rounds: number; readonly cached: boolean };
  readonly mirror?: string;
}

/** One change to plan: a config file, and optionally a different prior state for it. */
export interface ChangeTarget {
  readonly config: string;
  /**
   * Changes the prior state before this plan, e.g. to add what an older version of the stack managed (an
   * upgrade). It gets a copy; the proven state is never changed.
   */
  readonly editState?: (state: StateFile) => StateFile;
}

export interface ManyChangesOptions extends Omit<ChangePlanOptions, 'to'> {
  /** Configs to plan against the one prior state of `from`, all in one Terraform run where their providers agree. */
  readonly to: ReadonlyArray<string | ChangeTarget>;
}

export interface ChangePlanOptions {
  readonly from: string;
  readonly to: string;
  readonly terraform: TerraformBinary;
  /** false: build and prove the prior state even when the cache holds one (it is then cached anew). @default true */
  readonly reuseState?: boolean;
  /**
   * The compiled app that synthesizes `from` (the `dist/main.js` of the version the live stack was deployed with),
   * to plan an upgrade of this project itself. @default this checkout's dist/main.js
   */
  readonly fromApp?: string;
}

/**
 * Synthesizes both configs, builds (or reuses) a prior state the real provider plans as no changes for `from`,
 * plans `to` against it offline and classifies what changes.
 */
export async function planChange(options: ChangePlanOptions): Promise<ChangePlanResult> {
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  try {
    return await planInto(workDir, cache, options);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/**
 * One prior state for `from` (built and proven once, or from the cache), then every config of `to` planned against
 * it; the configs whose providers agree share one Terraform run (see batch.ts). Results in the order of `to`.
 */
export async function planChanges(options: ManyChangesOptions): Promise<ChangePlanResult[]> {
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  try {
    const stackA = await synthesizeConfig(options.from, workDir, 'from', options.fromApp);
    const session = createTerraformSession(options.terraform, { workDir });
    const initDir = await initFolder(session, stackA, cache);
    const prior = await priorStateOf(new ChangeWorkspace(session, stackA, initDir), cache, initDir, options);
    const targets = options.to.map((to) => (typeof to === 'string' ? { config: to } : to));
    const stacks = await mapLimited(targets, 4, (target, index) => synthesizeConfig(target.config, workDir, `to${index}`));
    const members = targets.map((target, index) => ({
      index,
      stack: stacks[index],
      state: target.editState ? target.editState(JSON.parse(JSON.stringify(prior.state)) as StateFile) : prior.state,
    }));
    const plans: ChangePlanJson[] = new Array(members.length);
    for (const batch of batchesOf(members)) {
      const planned = await planBatch(session, initDir, mkdtempSync(join(workDir, 'batch-')), batch);
      batch.forEach((member, k) => { plans[member.index] = planned[k]; });
    }
    return plans.map((plan) => ({
      classification: classifyPlan(plan), plan, priorState: { rounds: prior.rounds, cached: prior.cached }, mirror: session.mirror,
    }));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

async function priorStateOf(from: ChangeWorkspace, cache: string, initDir: string, options: Omit<ChangePlanOptions, 'to'>) {
  const stateFile = join(cache, `state-${hashOf(PRIOR_STATE_BUILDER, initDir, JSON.stringify(from.stack.model.json))}.tfstate`);
  const cachedState = options.reuseState === false ? undefined : readCached(stateFile);
  if (cachedState) return { state: JSON.parse(cachedState) as StateFile, rounds: 0, cached: true };
  const schemas = providerSchemas(from.session, initDir, cache);
  schemas.catch(() => undefined); // awaited (and its failure reported) after the create plan
  const converged = await convergePriorState(from, {
    schemas,
    resources: (from.stack.model.json.resource ?? {}) as StackResources,
    terraformVersion: options.terraform.version,
    seed: stateFile,
  });
  writeCached(stateFile, JSON.stringify(converged.state));
  return { state: converged.state, rounds: converged.rounds, cached: false };
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

async function planInto(workDir: string, cache: string, options: ChangePlanOptions): Promise<ChangePlanResult> {
  const [stackA, stackB] = await Promise.all([
    synthesizeConfig(options.from, workDir, 'from', options.fromApp), synthesizeConfig(options.to, workDir, 'to'),
  ]);
  const session = createTerraformSession(options.terraform, { workDir });
  const initDir = await initFolder(session, stackA, cache);
  const from = new ChangeWorkspace(session, stackA, initDir);
  const to = new ChangeWorkspace(session, stackB, initDir);

  const stateFile = join(cache, `state-${hashOf(PRIOR_STATE_BUILDER, initDir, JSON.stringify(stackA.model.json))}.tfstate`);
  const cachedState = options.reuseState === false ? undefined : readCached(stateFile);
  let state: StateFile;
  let rounds = 0;
  // The change is planned against each candidate state while `from` is planned against it too: on 2 cores the last
  // round and the change plan overlap instead of queueing. Plans of `to` run one at a time (one folder).
  const speculative = new Map<StateFile, Promise<ChangePlanJson>>();
  let queue: Promise<unknown> = Promise.resolve();
  const planTo = (candidate: StateFile) => {
    const planned = queue.catch(() => undefined).then(async () => {
      await to.plan(candidate);
      return to.show<ChangePlanJson>();
    });
    planned.catch(() => undefined);
    queue = planned;
    speculative.set(candidate, planned);
  };
  if (cachedState) {
    state = JSON.parse(cachedState) as StateFile;
  } else {
    const schemas = providerSchemas(session, initDir, cache);
    schemas.catch(() => undefined); // awaited (and its failure reported) after the create plan
    const converged = await convergePriorState(from, {
      schemas,
      resources: (stackA.model.json.resource ?? {}) as StackResources,
      terraformVersion: options.terraform.version,
      seed: stateFile,
      onCandidate: planTo,
    });
    ({ state, rounds } = converged);
    writeCached(stateFile, JSON.stringify(state));
  }
  if (!speculative.has(state)) planTo(state);
  const plan = await speculative.get(state)!;
  return {
    classification: classifyPlan(plan), plan, priorState: { rounds, cached: cachedState !== undefined }, mirror: session.mirror,
  };
}
