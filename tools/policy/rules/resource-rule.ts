import { StackModel, StackResource } from '../../stack-model/stack-model';
import { PolicyRule, Violation } from '../types';

/** A rule that checks each resource of `type` with `problemOf`, which returns what is wrong with it, or undefined. */
export function resourceRule(
  rule: Omit<PolicyRule, 'check'>,
  type: string,
  problemOf: (resource: StackResource, stack: StackModel) => string | undefined,
): PolicyRule {
  return {
    ...rule,
    check(stack) {
      const violations: Violation[] = [];
      for (const resource of stack.resources(type)) {
        const problem = problemOf(resource, stack);
        if (problem) violations.push({ address: resource.address, message: problem });
      }
      return violations;
    },
  };
}
