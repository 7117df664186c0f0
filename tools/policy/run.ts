import { commentOf } from '../stack-model/references';
import { Finding, PolicyRule } from './types';
import { StackModel } from '../stack-model/stack-model';
import { waiverProblem, waiversOf } from './waivers';

export interface NamedStack {
  readonly name: string;
  readonly model: StackModel;
}

export interface PolicyReport {
  /** Findings no waiver covers: any of them fails the check. */
  readonly violations: readonly Finding[];
  /** Findings a resource waived, with the reason, printed so every run shows them to reviewers. */
  readonly waived: readonly Finding[];
}

/** Applies every rule to every stack, then sets aside the findings a resource waived with a valid reason. */
export function checkStacks(stacks: readonly NamedStack[], rules: readonly PolicyRule[]): PolicyReport {
  const findings = stacks.flatMap(({ name, model }) => rules.flatMap((rule) => rule.check(model).map((violation): Finding => {
    const resource = model.resourceAt(violation.address);
    const reason = resource ? waiversOf(resource.body)[rule.id] : undefined;
    const path = resource ? (commentOf(resource.body).metadata as { path?: string } | undefined)?.path : undefined;
    const valid = reason !== undefined && waiverProblem(rule.id, reason) === undefined;
    return { ...violation, stack: name, rule, constructPath: path, waiver: valid ? reason : undefined };
  })));
  return {
    violations: findings.filter((finding) => finding.waiver === undefined),
    waived: findings.filter((finding) => finding.waiver !== undefined),
  };
}

/** The report as people read it: rule, stack and address, what is wrong, how to fix it. */
export function formatReport(report: PolicyReport, stackNames: readonly string[], ruleCount: number): string {
  const lines: string[] = [];
  for (const finding of report.violations) {
    lines.push(`${finding.rule.id}  ${finding.stack}: ${finding.address}`);
    lines.push(`    ${finding.message}`);
    if (finding.constructPath) lines.push(`    made by ${finding.constructPath}`);
    lines.push(`    fix: ${finding.rule.fix}`);
  }
  for (const finding of report.waived) {
    lines.push(`waived ${finding.rule.id}  ${finding.stack}: ${finding.address}: ${finding.message}`);
    lines.push(`    reason: ${finding.waiver}`);
  }
  const count = report.violations.length;
  lines.push(`${count} violation${count === 1 ? '' : 's'}, ${report.waived.length} waived; `
    + `${ruleCount} rules on ${stackNames.length} stack${stackNames.length === 1 ? '' : 's'} (${stackNames.join(', ')})`);
  return lines.join('\n');
}
