import { PlanJson } from './plan-json';
import { describeCoverageGap, planCoverage } from './plan-checks';
import { StackWorkspace } from './plan';
import { TerraformSession } from './session';
import { readSynthesizedStacks } from '../stack-model/synthesized-stacks';
import { runTerraformTests, TerraformTestRun } from './tftest';

export interface StackProof {
  readonly stack: string;
  readonly dir: string;
  readonly plan: PlanJson;
  readonly seconds: { readonly init: number; readonly plan: number };
  /** Undefined when the repository has no `<stack>.tftest.hcl`. */
  readonly test?: TerraformTestRun;
}

export class PlanCoverageError extends Error {}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * init, plan (every synthesized resource must be planned) and `terraform test` for one stack. No separate
 * `terraform validate`: plan validates the configuration against the provider schema first and fails the same way,
 * and each Terraform command pays for loading the provider schema.
 */
export async function proveStack(workspace: StackWorkspace): Promise<StackProof> {
  const init = (await workspace.init()).seconds;
  let plan: PlanJson | undefined;
  const planSeconds = await timed(async () => { plan = await workspace.plan(); });
  const gap = describeCoverageGap(planCoverage(workspace.stack.model, plan!));
  if (gap) throw new PlanCoverageError(gap);
  const test = await runTerraformTests(workspace);
  return {
    stack: workspace.stack.name, dir: workspace.dir, plan: plan!, seconds: { init, plan: planSeconds }, test,
  };
}

/** Two stacks prove side by side on 2 cores; Terraform spends most of each command loading the provider schema. */
const PROOF_CONCURRENCY = 2;

/** One or more stacks failed their proof; the message names each stack with Terraform's diagnostics. */
export class StackProofError extends Error {}

/**
 * Proves every workspace: inits one after another (the plugin cache is not safe for parallel inits), then the
 * rest with bounded concurrency. Every stack is proved even when one fails; then the failures are thrown together.
 * Proofs come back in workspace order.
 */
export async function proveStacks(workspaces: readonly StackWorkspace[], onProof?: (proof: StackProof) => void): Promise<StackProof[]> {
  const proofs: StackProof[] = new Array(workspaces.length);
  const failures: string[] = [];
  const prove = async (workspace: StackWorkspace, index: number) => {
    try {
      proofs[index] = await proveStack(workspace);
      onProof?.(proofs[index]);
    } catch (error) {
      failures.push(`${workspace.stack.name}: ${(error as Error).message}`);
    }
  };
  // A failed init is remembered by its workspace and surfaces again, with the stack's name, in proveStack.
  for (const workspace of workspaces) await workspace.init().catch(() => undefined);
  let next = 0;
  const worker = async () => {
    while (next < workspaces.length) {
      const index = next++;
      await prove(workspaces[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROOF_CONCURRENCY, workspaces.length) }, worker));
  if (failures.length > 0) throw new StackProofError(failures.join('\n\n'));
  return proofs;
}

/** Proves every stack synthesized into `outdir`. */
export function proveOutdir(session: TerraformSession, outdir: string, onProof?: (proof: StackProof) => void): Promise<StackProof[]> {
  return proveStacks(readSynthesizedStacks(outdir).map((stack) => new StackWorkspace(session, stack)), onProof);
}
