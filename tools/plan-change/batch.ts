import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { StackModel } from '../stack-model/stack-model';
import { OFFLINE_STATE_FILE, writeOfflineOverride } from '../terraform/override';
import { runTerraform, TerraformCommandError } from '../terraform/run';
import { TerraformSession } from '../terraform/session';
import { moduleJson, moduleName, rootJson } from './batch-config';
import { combinedState, memberPlan } from './batch-views';
import { ConvergencePlan, Planner } from './converge';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { StackFile } from './synth-config';

/**
 * Several stacks planned by ONE Terraform run: each stack is a module of one root, and the root configures the AWS
 * providers once and passes them to every module. A plan's cost is mostly the provider processes it starts (each
 * loads the 700 MB provider; two per configuration and plan) and its schema: nine 3-region stacks planned this way
 * take about what two planned one by one take. Each stack's resources plan exactly as they would alone (same
 * provider configuration, same prior state, no references between modules).
 */
export interface BatchMember {
  readonly stack: StackFile;
  /** The prior state of this stack alone (root-module addresses). */
  readonly state: StateFile;
}

const PLAN_FILE = 'batch.tfplan';

/** Links every asset folder of the stack into the root's assets/ (paths in the stack are relative to the root). */
function linkAssets(stackDir: string, rootDir: string): void {
  const assets = join(stackDir, 'assets');
  if (!existsSync(assets)) return;
  for (const kind of readdirSync(assets)) {
    mkdirSync(join(rootDir, 'assets', kind), { recursive: true });
    for (const hash of readdirSync(join(assets, kind))) {
      const target = join(rootDir, 'assets', kind, hash);
      if (!existsSync(target)) symlinkSync(join(assets, kind, hash), target, 'dir');
    }
  }
}

/** A root folder of stacks-as-modules, set up (and initialized) once to plan offline, round after round. */
export class BatchWorkspace implements Planner {
  static async create(session: TerraformSession, initDir: string, dir: string, stacks: readonly StackFile[]): Promise<BatchWorkspace> {
    mkdirSync(dir, { recursive: true });
    stacks.forEach((stack, index) => {
      mkdirSync(join(dir, moduleName(index)));
      writeFileSync(join(dir, moduleName(index), 'cdk.tf.json'), JSON.stringify(moduleJson(stack.model.json)));
      linkAssets(stack.dir, dir);
    });
    const root = rootJson(stacks);
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(root));
    writeOfflineOverride(dir, new StackModel(root));
    copyFileSync(join(initDir, '.terraform.lock.hcl'), join(dir, '.terraform.lock.hcl'));
    await runTerraform(session, dir, ['init', '-input=false']);
    return new BatchWorkspace(session, dir);
  }

  private constructor(private readonly session: TerraformSession, readonly dir: string) {}

  /**
   * `plan -refresh=false` against a combined state (none: empty), with `extraArgs` (e.g. `-target=module.stack0.ADDR`);
   * resolves whether Terraform plans any change.
   */
  async plan(state: StateFile | undefined, extraArgs: readonly string[] = []): Promise<boolean> {
    const stateFile = join(this.dir, OFFLINE_STATE_FILE);
    if (state) writeFileSync(stateFile, JSON.stringify(state));
    else rmSync(stateFile, { force: true });
    try {
      await runTerraform(this.session, this.dir, ['plan', '-input=false', '-lock=false', '-refresh=false', '-detailed-exitcode', `-out=${PLAN_FILE}`, ...extraArgs]);
      return false;
    } catch (error) {
      if (error instanceof TerraformCommandError && error.exitCode === 2) return true;
      throw error;
    }
  }

  async show<T>(): Promise<T> {
    const { stdout } = await runTerraform(this.session, this.dir, ['show', '-json', PLAN_FILE]);
    return JSON.parse(stdout) as T;
  }
}

/** What `terraform show -json` of a batch plan gives: read as a change plan, and as a plan to build a state from. */
export type BatchPlanJson = ChangePlanJson & ConvergencePlan;

export interface BatchPlan {
  /** `terraform show -json` of the whole run. */
  readonly plan: BatchPlanJson;
  /** Each member's part of it, in order, as if planned alone. */
  readonly members: ChangePlanJson[];
}

/** Plans every member against its own prior state in one Terraform run in `dir` (`-refresh=false`, offline). */
export async function planBatch(session: TerraformSession, initDir: string, dir: string, members: readonly BatchMember[]): Promise<BatchPlan> {
  const workspace = await BatchWorkspace.create(session, initDir, dir, members.map((m) => m.stack));
  await workspace.plan(combinedState(members.map((m) => m.state)));
  const plan = await workspace.show<BatchPlanJson>();
  return { plan, members: members.map((_, index) => memberPlan(plan, index)) };
}
