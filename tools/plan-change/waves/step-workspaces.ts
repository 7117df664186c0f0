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

/** The `-target` flags of a member's step, inside its module; undefined when the step has nothing to plan. */
function targetFlags(step: RolloutStep | undefined, position: number): string[] | undefined {
  if (!step) return undefined;
  const module = `module.${moduleName(position)}`;
  if (step.targets === undefined) return [`-target=${module}`];
  return step.targets.length === 0 ? undefined : step.targets.map((address) => `-target=${module}.${address}`);
}

/**
 * The new releases as modules of roots set up once (one per provider group, batch.ts): every step of every rollout
 * plans in them, with the members' current states and each member's step targeted inside its own module. A full plan
 * targets its whole module, so members at different steps share a run.
 */
export class StepWorkspaces {
  static async create(context: RunContext, members: readonly StepMember[]): Promise<StepWorkspaces> {
    const groups = batchesOf(members.map((member, index) => ({ stack: member.stack, index })));
    const workspaces = await Promise.all(groups.map((group) => BatchWorkspace.create(
      context.session, context.initDir, mkdtempSync(join(context.workDir, 'waves-')), group.map((m) => m.stack),
    )));
    return new StepWorkspaces(groups.map((group, k) => ({ workspace: workspaces[k], indexes: group.map((m) => m.index) })));
  }

  private constructor(private readonly groups: ReadonlyArray<{ readonly workspace: BatchWorkspace; readonly indexes: readonly number[] }>) {}

  /** Step `k` of every member that has one (one Terraform run per group); each member's own part of the plan, by index. */
  async plan(members: readonly StepMember[], k: number): Promise<Array<BatchPlanJson | undefined>> {
    const plans: Array<BatchPlanJson | undefined> = members.map(() => undefined);
    for (const { workspace, indexes } of this.groups) {
      const flags = indexes.map((index, position) => targetFlags(members[index].steps[k], position));
      if (flags.every((f) => f === undefined)) continue;
      await workspace.plan(combinedState(indexes.map((index) => members[index].state)), flags.flatMap((f) => f ?? []));
      const json = await workspace.show<BatchPlanJson>();
      indexes.forEach((index, position) => {
        if (flags[position] !== undefined) plans[index] = memberPlan(json, position);
      });
    }
    return plans;
  }
}
