/** A synthesized Terraform JSON stack (`cdk.tf.json`), as far as the rules read it. */
export interface StackJson {
  readonly provider?: Record<string, ProviderBlock[] | ProviderBlock>;
  readonly resource?: Record<string, Record<string, Block>>;
  readonly data?: Record<string, Record<string, Block>>;
  readonly [key: string]: unknown;
}

export type Block = Record<string, unknown>;
export type ProviderBlock = Block & { alias?: string; region?: string };

/** One resource (or data source) of a stack, with its Terraform address (`aws_x.name`, `data.aws_x.name`). */
export interface StackResource {
  readonly type: string;
  readonly name: string;
  readonly address: string;
  readonly mode: 'resource' | 'data';
  readonly body: Block;
}

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
  check(stack: StackJson): Violation[];
}

/** A violation after waivers: `waiver` holds the reason when the resource waives this rule. */
export interface Finding extends Violation {
  readonly stack: string;
  readonly rule: PolicyRule;
  /** The construct path cdktf recorded, to find the code that made the resource. */
  readonly constructPath?: string;
  readonly waiver?: string;
}
