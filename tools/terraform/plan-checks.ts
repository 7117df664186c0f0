import { configAddress, PlanJson, plannedResources } from './plan-json';
import { StackModel } from '../stack-model/stack-model';

export interface PlanCoverage {
  /** Synthesized resources the plan does not create. */
  readonly missing: readonly string[];
  /** Planned resources that were not synthesized. */
  readonly unexpected: readonly string[];
}

/** Compares what was synthesized with what the plan creates, by `type.name` address. */
export function planCoverage(stack: StackModel, plan: PlanJson): PlanCoverage {
  const synthesized = new Set(stack.addresses());
  const planned = new Set(plannedResources(plan).filter((r) => r.actions.includes('create')).map((r) => configAddress(r.address)));
  return {
    missing: [...synthesized].filter((a) => !planned.has(a)).sort(),
    unexpected: [...planned].filter((a) => !synthesized.has(a)).sort(),
  };
}

/** One line naming what does not match, or undefined when every synthesized resource is planned and nothing else. */
export function describeCoverageGap(coverage: PlanCoverage): string | undefined {
  const parts = [
    coverage.missing.length > 0 && `not planned: ${coverage.missing.join(', ')}`,
    coverage.unexpected.length > 0 && `planned but not synthesized: ${coverage.unexpected.join(', ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : undefined;
}
