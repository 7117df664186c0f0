import { ConvergenceError, convergePriorState, Planner, stackStateBuilder } from '../../../tools/plan-change/converge';
import { StateFile } from '../../../tools/plan-change/prior-state/state-file';
import { createPlan, SCHEMAS } from './prior-state/fake-plan';

/** Plans changes for the first `changingRounds` plans against a state, then none. */
function fakePlanner(changingRounds: number): Planner & { states: Array<StateFile | undefined> } {
  const states: Array<StateFile | undefined> = [];
  return {
    states,
    plan: async (state) => {
      states.push(state);
      return state === undefined || states.length - 1 <= changingRounds;
    },
    show: async <T>() => {
      const plan = createPlan();
      if (states.length > 1) {
        (plan.resource_changes![0].change as { actions: string[]; before?: unknown }).actions = ['update'];
        (plan.resource_changes![0].change as { before?: unknown }).before = { function_name: 'old' };
      }
      return plan as T;
    },
  };
}

const options = { build: stackStateBuilder({ schemas: SCHEMAS, resources: {}, terraformVersion: '1.11.4', seed: 's' }) };

describe('convergePriorState', () => {
  test('plans the create plan with no state, then rounds until a plan changes nothing', async () => {
    const planner = fakePlanner(2);
    const result = await convergePriorState(planner, options);
    expect(result.rounds).toBe(3);
    expect(planner.states[0]).toBeUndefined();
    expect(planner.states.slice(1).every((s) => s?.version === 4)).toBe(true);
  });

  test('gives up after maxRounds, naming each resource still planned and its attributes', async () => {
    const failure = convergePriorState(fakePlanner(99), { ...options, maxRounds: 2 });
    await expect(failure).rejects.toThrow(ConvergenceError);
    await expect(failure).rejects.toThrow(/aws_lambda_function\.fn: update \(function_name\)/);
  });

  test('from round 2 on, a verify hook plans each candidate instead of the planner, and its plan is folded', async () => {
    const planner = fakePlanner(99);
    const verified: StateFile[] = [];
    const result = await convergePriorState(planner, {
      ...options,
      verify: async (state) => {
        verified.push(state);
        return verified.length < 2 ? { changed: true, plan: createPlan() } : { changed: false };
      },
    });
    // The planner planned the create plan and round 1 only; rounds 2 (changed) and 3 (no change) were verified.
    expect(planner.states).toHaveLength(2);
    expect(verified).toHaveLength(2);
    expect(result).toEqual({ state: verified[1], rounds: 3 });
  });
});
