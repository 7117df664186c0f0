import { PolicyRule, Violation } from '../types';
import { waiverProblem, waiversOf } from '../waivers';

/** A waiver must name a real rule and say why; one that does not is itself a violation (and waives nothing). */
export function validWaiversRule(knownRuleIds: readonly string[]): PolicyRule {
  return {
    id: 'MRA-POLICY-WAIVER',
    description: 'Every policy waiver names a known rule and gives a reason',
    fix: 'Call waivePolicy(resource, "<rule id>", "<why this resource may break the rule>") with a real rule id and reason',
    check(stack) {
      const violations: Violation[] = [];
      for (const resource of stack.allResources()) {
        for (const [rule, reason] of Object.entries(waiversOf(resource.body))) {
          const problem = waiverProblem(rule, reason, knownRuleIds);
          if (problem) violations.push({ address: resource.address, message: problem });
        }
      }
      return violations;
    },
  };
}
