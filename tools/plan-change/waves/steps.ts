import { WavePlanRequest } from '../../rollout/dry-run';
import { PlanScope } from '../../rollout/plan-scope';
import { waveTargets } from '../../rollout/targets';

/** One step of a rollout as `npm run rollout` plans it: a wave, or the final step. */
export interface RolloutStep {
  readonly kind: 'wave' | 'final';
  /** The wave's regions (none for the final step). */
  readonly regions: readonly string[];
  /** The `-target` addresses; undefined: the whole configuration (the final step's full plan). */
  readonly targets?: readonly string[];
  /** What the step may change; anything else stops the rollout there. */
  readonly scope: PlanScope;
  /** The risk a change outside `scope` gets in the dry run (the rollout would stop there). */
  readonly stop: string;
}

/** Outside a wave's regions: the rollout refuses that wave's plan before applying anything. */
export const STOP_OUTSIDE_WAVE = 'STOP outside-wave';
/** A regional change left after the waves: they did not cover it, and the rollout fails its last check. */
export const STOP_NOT_IN_ANY_WAVE = 'STOP not-in-any-wave';

/**
 * The steps of a rollout from `previous` to `to` in `waves`, as tools/rollout/terraform-target.ts runs them: per wave
 * the targets both releases' attributions give its regions (a resource the release removes is destroyed in its
 * region's wave). The rollout then plans every global resource (targeted), applies it, and requires a full plan with
 * no change. One full plan after the waves answers both, one Terraform run fewer: its global changes are what the
 * global step applies (it targets every global resource, and a change it would pull in as a dependency is in the full
 * plan too), and any other change is one the final full plan would still show (STOP not-in-any-wave).
 */
export function rolloutSteps(request: WavePlanRequest): RolloutStep[] {
  const attributions = [request.to.attribution, request.previous.attribution];
  const waves = request.waves.map((regions): RolloutStep => ({
    kind: 'wave', regions, targets: waveTargets(regions, attributions), scope: { regions, allowGlobal: true, attributions }, stop: STOP_OUTSIDE_WAVE,
  }));
  return [...waves, { kind: 'final', regions: [], scope: { regions: [], allowGlobal: true, attributions }, stop: STOP_NOT_IN_ANY_WAVE }];
}
