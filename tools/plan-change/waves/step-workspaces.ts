import { mkdtempSync } from 'fs';
import { join } from 'path';
import { BatchPlanJson, BatchWorkspace } from '../batch';
import { batchesOf, moduleName } from '../batch-config';
import { combinedState, memberPlan } from '../batch-views';
import { StateFile } from '../prior-state/state-file';
import { StackFile } from '../synth-config';
import { RunContext } from '../targets';
import { RolloutStep } from './steps';

/** A rollout being planned: the new release's stack, its steps, and the state the steps so far leave. */
export interface StepMember {
  readonly stack: StackFile;
  readonly steps: readonly RolloutStep[];
  readonly state: StateFile;
}

/** What one run plans for a member: the previous wave again (to settle it) and the next step, each optional. */
export interface MemberRun {
  readonly settle?: RolloutStep;
  readonly step?: RolloutStep;
}

/** Each planned slot's part of the plan, by member. */
export type RunPlans = Array<{ settle?: BatchPlanJson; step?: BatchPlanJson }>;

const SLOTS = ['settle', 'step'] as const;

/** The `-target` flags of a step inside module `position`; undefined when there is nothing to plan. */
function targetFlags(step: RolloutStep | undefined, position: number): string[] | undefined {
  if (!step) return undefined;
  const module = `module.${moduleName(position)}`;
  if (step.targets === undefined) return [`-target=${module}`];
  return step.targets.length === 0 ? undefined : step.targets.map((address) => `-target=${module}.${address}`);
}

/**
 * The new releases as modules of roots set up once (one per provider group, batch.ts), each twice: one module to plan
 * a member's previous wave again, one for its next step, both against the member's current state, each targeted
 * inside its own module (a full plan targets its whole module). So every run plans one step of every rollout.
 */
export class StepWorkspaces {
  static async create(context: RunContext, members: readonly StepMember[]): Promise<StepWorkspaces> {
    const groups = batchesOf(members.map((member, index) => ({ stack: member.stack, index })));
    const workspaces = await Promise.all(groups.map((group) => BatchWorkspace.create(
      context.session, context.initDir, mkdtempSync(join(context.workDir, 'waves-')), group.flatMap((m) => [m.stack, m.stack]),
    )));
    return new StepWorkspaces(groups.map((group, k) => ({ workspace: workspaces[k], indexes: group.map((m) => m.index) })));
  }

  private constructor(private readonly groups: ReadonlyArray<{ readonly workspace: BatchWorkspace; readonly indexes: readonly number[] }>) {}

  /** One Terraform run per group for what `runs` asks of each member; each slot's own part of the plan. */
  async plan(members: readonly StepMember[], runs: readonly MemberRun[]): Promise<RunPlans> {
    const plans: RunPlans = members.map(() => ({}));
    for (const { workspace, indexes } of this.groups) {
      const slots = indexes.flatMap((index) => SLOTS.map((slot) => ({ index, slot, step: runs[index][slot] })));
      const flags = slots.map(({ step }, position) => targetFlags(step, position));
      if (flags.every((f) => f === undefined)) continue;
      await workspace.plan(combinedState(slots.map(({ index }) => members[index].state)), flags.flatMap((f) => f ?? []));
      const json = await workspace.show<BatchPlanJson>();
      slots.forEach(({ index, slot }, position) => {
        if (flags[position] !== undefined) plans[index][slot] = memberPlan(json, position);
      });
    }
    return plans;
  }
}
