import { mkdtempSync } from 'fs';
import { join } from 'path';
import { TerraformBinary } from '../terraform/find-terraform';
import { TerraformSession } from '../terraform/session';
import { planBatch } from './batch';
import { batchesOf } from './batch-config';
import { Notice } from './cache';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { StackFile } from './synth-config';

/** One change to plan: a config file, and optionally a different prior state for it. */
export interface ChangeTarget {
  readonly config: string;
  /**
   * Changes the prior state before this plan, e.g. to add what an older version of the stack managed (an
   * upgrade), or what a step outside Terraform changed. It gets a copy (the proven state is never changed) and the
   * synthesized stack of `config`.
   */
  readonly editState?: (state: StateFile, stack: StackFile) => StateFile;
}

/** A config of `to`, synthesized, with the set it belongs to and its position among all changes of the run. */
export interface Target {
  readonly index: number;
  readonly setIndex: number;
  /** The config file it was synthesized from. */
  readonly config: string;
  readonly stack: StackFile;
  readonly editState?: ChangeTarget['editState'];
}

/** What every step of one run shares. */
export interface RunContext {
  readonly session: TerraformSession;
  /** The cache folder (init folders, schemas, proven prior states). */
  readonly cache: string;
  readonly initDir: string;
  /** This run's own folder, removed when it ends. */
  readonly workDir: string;
  readonly terraform: TerraformBinary;
  readonly reuseState?: boolean;
  readonly notice: Notice;
}

/** The plans made so far, by target index. */
export type PlansByTarget = Map<number, ChangePlanJson>;

/** The prior state a target is planned against: its set's, edited when the target says so (on a copy). */
export function stateFor(target: Target, prior: StateFile): StateFile {
  return target.editState ? target.editState(JSON.parse(JSON.stringify(prior)) as StateFile, target.stack) : prior;
}

/** Plans targets (each with its state) in as few runs as their providers allow; records each one's plan. */
export async function planTargets(members: ReadonlyArray<Target & { readonly state: StateFile }>, plans: PlansByTarget, context: RunContext) {
  for (const batch of batchesOf(members)) {
    const planned = await planBatch(context.session, context.initDir, mkdtempSync(join(context.workDir, 'batch-')), batch);
    batch.forEach((target, k) => plans.set(target.index, planned.members[k]));
  }
}
