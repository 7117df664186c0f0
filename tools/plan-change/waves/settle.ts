import { WaveChange } from '../../rollout/dry-run';
import { BatchPlanJson } from '../batch';
import { RolloutStep } from './steps';

/**
 * Settling wave k (planning its targets again against the folded state) runs in the same Terraform run as step k+1,
 * both against the unsettled state, as two modules; the settle plan is folded in first. Sound because:
 * - a wave's settle plan and the next wave's plan touch different regions: regions do not refer to one another, and
 *   what the placeholders leave unsettled (deployment triggers, lists of new ids) is regional; the global resources a
 *   wave pulls in keep their values when settled (certificates, topics: ids are placeholders from their address);
 * - the final full plan, beside the last wave's settle plan, shows that wave's placeholder differences too: a change of
 *   the final plan that the settle plan also makes is the last wave's apply, not something the waves left. Nothing
 *   real is hidden that way: a resource of the last wave can only change later through a global resource it refers
 *   to, and every such resource is a dependency of that wave, planned (and applied) in it.
 * A settle plan that still changes something after that is not checked again: the final full plan would show it as
 * a STOP (never read as "covered").
 */
export function withoutSettled(changes: WaveChange[], step: RolloutStep, settle: BatchPlanJson | undefined): WaveChange[] {
  if (step.kind !== 'final' || !settle) return changes;
  const settled = new Set((settle.resource_changes ?? [])
    .filter((c) => c.mode === 'managed' && c.change.actions.join() !== 'no-op').map((c) => c.address));
  return changes.filter((change) => !settled.has(change.address));
}
