import { resolveReferences, StackResources } from './prior-state/resolve-references';
import { ProviderPlacement, stateFromPlan } from './prior-state/build';
import { ValuesPlan } from './prior-state/plan-values';
import { ResourceSchemas } from './prior-state/schema';
import { StateFile } from './prior-state/state-file';

/** What the loop needs from a stack folder: plan against a state, then the plan's JSON. */
export interface Planner {
  plan(state: StateFile | undefined): Promise<boolean>;
  show<T>(): Promise<T>;
}

export type ConvergencePlan = ValuesPlan & ProviderPlacement;

export interface Convergence {
  readonly state: StateFile;
  /** Plans run against a built state until one planned no change. */
  readonly rounds: number;
}

/** The prior state did not converge: what the last round still changes, one line per resource. */
export class ConvergenceError extends Error {
  constructor(readonly differences: readonly string[], rounds: number) {
    super(`the prior state for --from did not converge to "no changes" in ${rounds} rounds; still planned:\n  ${differences.join('\n  ')}`);
  }
}

/** `address: actions (attributes)` for each resource the plan still changes. */
export function describeDifferences(plan: ValuesPlan): string[] {
  return (plan.resource_changes ?? []).filter((c) => c.mode === 'managed' && c.change.actions.join() !== 'no-op').map((c) => {
    const before = (c.change as { before?: Record<string, unknown> }).before ?? {};
    const after = (c.change.after ?? {}) as Record<string, unknown>;
    const unknown = (c.change.after_unknown ?? {}) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => unknown[k] === true || JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
    return `${c.address}: ${c.change.actions.join(',')} (${keys.join(', ')})`;
  });
}

/** Builds the state a plan would leave behind, folding in `prior` (the state the plan was made against) when given. */
export type BuildState = (plan: ConvergencePlan, prior?: StateFile) => Promise<StateFile>;

export interface StackStateOptions {
  /** May still be loading while the create plan runs. */
  readonly schemas: ResourceSchemas | Promise<ResourceSchemas>;
  readonly resources: StackResources;
  readonly terraformVersion: string;
  readonly seed: string;
}

/** One stack's state from its plan: planned values, placeholders for what only an apply knows, references resolved. */
export function stackStateBuilder(options: StackStateOptions): BuildState {
  return async (plan, prior) => {
    const state = stateFromPlan(plan, await options.schemas, options.terraformVersion, options.seed, prior);
    resolveReferences(state, options.resources);
    return state;
  };
}

export interface ConvergeOptions {
  readonly build: BuildState;
  /** @default 5 */
  readonly maxRounds?: number;
  /**
   * Plans each folded state (round 2 on) somewhere else instead of in the planner, e.g. in one Terraform run with the
   * changes to plan against it; resolves whether that plan changes the stack and, if it does, the plan to fold.
   */
  readonly verify?: (state: StateFile) => Promise<{ readonly changed: boolean; readonly plan?: ConvergencePlan }>;
}

/**
 * A state the real provider plans as no changes for the stack: built from its create plan (placeholders for what
 * only an apply knows, references resolved), then planned against `-refresh=false` and the planned values folded
 * back in until a plan changes nothing.
 */
export async function convergePriorState(planner: Planner, options: ConvergeOptions): Promise<Convergence> {
  const { build } = options;
  await planner.plan(undefined);
  let state = await build(await planner.show<ConvergencePlan>());
  const maxRounds = options.maxRounds ?? 5;
  for (let round = 1; round <= maxRounds; round++) {
    const verified = round > 1 && options.verify ? await options.verify(state) : undefined;
    if (!(verified ? verified.changed : await planner.plan(state))) return { state, rounds: round };
    const plan = verified?.plan ?? await planner.show<ConvergencePlan>();
    if (round === maxRounds) throw new ConvergenceError(describeDifferences(plan), maxRounds);
    state = await build(plan, state);
  }
  throw new ConvergenceError([], maxRounds);
}
