import { TerraformResource } from 'cdktf';
import { commentOf } from '../stack-model/references';
import { Block } from '../stack-model/terraform-json';

/** Where a waiver lives in the synthesized JSON: Terraform ignores every `//` key, so it changes nothing deployed. */
export const WAIVERS_KEY = 'policy_waivers';
const MIN_REASON_LENGTH = 20;

/**
 * Exempts one resource from one policy rule. The reason is written into the synthesized JSON next to the resource and
 * printed by every policy run, so a waiver is reviewed like the code that adds it.
 */
export function waivePolicy(resource: TerraformResource, ruleId: string, reason: string): void {
  const problem = waiverProblem(ruleId, reason);
  if (problem) throw new Error(`waivePolicy(${resource.node.path}): ${problem}`);
  resource.addOverride(`//.${WAIVERS_KEY}.${ruleId}`, reason.trim());
}

/** The waivers a resource carries, rule id -> reason. */
export function waiversOf(body: Block): Record<string, string> {
  const waivers = commentOf(body)[WAIVERS_KEY];
  if (!waivers || typeof waivers !== 'object') return {};
  return Object.fromEntries(Object.entries(waivers).map(([rule, reason]) => [rule, String(reason ?? '')]));
}

/** Why a waiver is not acceptable, or undefined when it is. */
export function waiverProblem(ruleId: string, reason: string, knownRuleIds?: readonly string[]): string | undefined {
  if (!/^MRA-[A-Z0-9-]+$/.test(ruleId)) return `"${ruleId}" is not a rule id (MRA-...)`;
  if (knownRuleIds && !knownRuleIds.includes(ruleId)) return `"${ruleId}" is not a known rule`;
  if (reason.trim().length < MIN_REASON_LENGTH) {
    return `the waiver of ${ruleId} needs a reason of at least ${MIN_REASON_LENGTH} characters, got "${reason.trim()}"`;
  }
  return undefined;
}
