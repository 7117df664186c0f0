import { StackModel } from '../stack-model/stack-model';

/** What a rule reports: which resource, and what exactly is wrong with it. */
export interface Violation {
  readonly address: string;
  readonly message: string;
}

/** A policy rule in the cdk-nag style: a stable id, what it demands, how to fix a violation, and the check. */
export interface PolicyRule {
  /** `MRA-<AREA>-<WHAT>`, stable: waivers refer to it. */
  readonly id: string;
  readonly description: string;
  readonly fix: string;
  check(stack: StackModel): Violation[];
}

/** A violation after waivers: `waiver` holds the reason when the resource waives this rule. */
export interface Finding extends Violation {
  readonly stack: string;
  readonly rule: PolicyRule;
  /** The construct path cdktf recorded, to find the code that made the resource. */
  readonly constructPath?: string;
  readonly waiver?: string;
}
