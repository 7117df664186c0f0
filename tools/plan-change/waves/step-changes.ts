import { WaveChange } from '../../rollout/dry-run';
import { changesOutsideScope } from '../../rollout/plan-scope';
import { GLOBAL } from '../../stack-model/region-attribution';
import { PlanJson } from '../../terraform/plan-json';
import { risksOf } from '../report';
import { ChangePlanJson, configAddress } from '../risk/changes';
import { classifyPlan } from '../risk/classify';
import { RolloutStep } from './steps';

/**
 * The changes of one step's plan as the dry run lists them: the owning region from the releases' attribution (what
 * the rollout checks a wave's plan with), plan:change's kind as the action, and plan:change's risks, plus the step's
 * STOP risk for a change outside what the step may change.
 */
export function stepChanges(plan: ChangePlanJson, step: RolloutStep): WaveChange[] {
  const classification = classifyPlan(plan);
  const outside = new Set(changesOutsideScope(plan as unknown as PlanJson, step.scope).map((c) => c.address));
  const ownerOf = (address: string) => step.scope.attributions.map((a) => a.owners.get(configAddress(address))).find((o) => o !== undefined) ?? 'unknown';
  const changes = classification.changes.map((change): WaveChange => {
    const risks = [risksOf(change, classification.findings), outside.has(change.address) ? step.stop : ''].filter((r) => r !== '');
    return { address: change.address, region: ownerOf(change.address), action: change.kind, risk: risks.join('; ') || '-' };
  });
  return changes.sort((a, b) => regionOrder(a.region, b.region) || a.address.localeCompare(b.address));
}

/** Regions in name order, then global. */
function regionOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === GLOBAL) return 1;
  if (b === GLOBAL) return -1;
  return a.localeCompare(b);
}
