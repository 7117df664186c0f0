import { writeFileSync } from 'fs';
import { join } from 'path';
import { writeOfflineOverride } from './override';
import { PlanJson } from './plan-json';
import { runTerraform, TerraformResult, TerraformRunner } from './run';
import { SynthesizedStack } from '../stack-model/synthesized-stacks';

export const PLAN_FILE = 'offline.tfplan';
export const PLAN_JSON_FILE = 'offline-plan.json';

/**
 * One synthesized stack made ready for offline Terraform: the override is written and `terraform init` runs once,
 * however many commands follow.
 */
export class StackWorkspace {
  private initialized?: Promise<TerraformResult>;

  constructor(readonly runner: TerraformRunner, readonly stack: SynthesizedStack) {}

  get dir(): string {
    return this.stack.dir;
  }

  /** Writes the override and runs `terraform init` the first time; later calls return that same run. */
  init(): Promise<TerraformResult> {
    this.initialized ??= Promise.resolve().then(() => {
      writeOfflineOverride(this.dir, this.stack.model);
      return this.terraform('init', '-input=false');
    });
    return this.initialized;
  }

  /** `terraform validate`: the JSON against the provider's schema. */
  async validate(): Promise<void> {
    await this.init();
    await this.terraform('validate');
  }

  /** `terraform plan -out` then `terraform show -json`; the JSON is also saved beside the stack for review. */
  async plan(): Promise<PlanJson> {
    await this.init();
    await this.terraform('plan', '-input=false', '-lock=false', `-out=${PLAN_FILE}`);
    const { stdout } = await this.terraform('show', '-json', PLAN_FILE);
    writeFileSync(join(this.dir, PLAN_JSON_FILE), stdout);
    return JSON.parse(stdout) as PlanJson;
  }

  terraform(...args: string[]) {
    return runTerraform(this.runner, this.dir, args);
  }
}
