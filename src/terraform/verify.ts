import { PlanJson } from './plan-json';
import { describeCoverageGap, planCoverage } from './plan-checks';
import { StackWorkspace } from './plan';
import { TerraformSession } from './session';
import { synthesizedStacks } from './stacks';
import { runTerraformTests, TerraformTestRun } from './tftest';

export interface StackProof {
  readonly stack: string;
  readonly dir: string;
  readonly plan: PlanJson;
  readonly seconds: { readonly init: number; readonly validate: number; readonly plan: number };
  /** Undefined when the repository has no `<stack>.tftest.hcl`. */
  readonly test?: TerraformTestRun;
}

export class PlanCoverageError extends Error {}

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** init, validate, plan (every synthesized resource must be planned) and `terraform test` for one stack. */
export async function proveStack(workspace: StackWorkspace): Promise<StackProof> {
  const init = await timed(() => workspace.init());
  const validate = await timed(() => workspace.validate());
  let plan: PlanJson | undefined;
  const planSeconds = await timed(async () => { plan = await workspace.plan(); });
  const gap = describeCoverageGap(planCoverage(workspace.stack.json, plan!));
  if (gap) throw new PlanCoverageError(`${workspace.stack.name}: ${gap}`);
  const test = await runTerraformTests(workspace);
  return {
    stack: workspace.stack.name, dir: workspace.dir, plan: plan!, seconds: { init, validate, plan: planSeconds }, test,
  };
}

/** Proves every stack synthesized into `outdir`, one after another (the plugin cache is not safe for parallel inits). */
export async function proveOutdir(session: TerraformSession, outdir: string, onProof?: (proof: StackProof) => void): Promise<StackProof[]> {
  const proofs: StackProof[] = [];
  for (const stack of synthesizedStacks(outdir)) {
    const proof = await proveStack(new StackWorkspace(session, stack));
    onProof?.(proof);
    proofs.push(proof);
  }
  return proofs;
}
