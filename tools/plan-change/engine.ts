import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { createTerraformSession } from '../terraform/session';
import { cacheDir, priorStateFile, readCached, writeCached } from './cache';
import { convergePriorState, stackStateBuilder } from './converge';
import { StackResources } from './prior-state/references';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { Classification, classifyPlan } from './risk/classify';
import { synthesizeConfig } from './synth-config';
import { ChangeWorkspace, initFolder, providerSchemas } from './workspace';


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

async function planInto(workDir: string, cache: string, options: ChangePlanOptions): Promise<ChangePlanResult> {
  const [stackA, stackB] = await Promise.all([
    synthesizeConfig(options.from, workDir, 'from', options.fromApp), synthesizeConfig(options.to, workDir, 'to'),
  ]);
  const session = createTerraformSession(options.terraform, { workDir });
  const initDir = await initFolder(session, stackA, cache);
  const from = new ChangeWorkspace(session, stackA, initDir);
  const to = new ChangeWorkspace(session, stackB, initDir);

  const stateFile = priorStateFile(cache, initDir, stackA);
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
      build: stackStateBuilder({
        schemas, resources: (stackA.model.json.resource ?? {}) as StackResources, terraformVersion: options.terraform.version, seed: stateFile,
      }),
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
