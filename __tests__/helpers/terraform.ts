import { findTerraform, TerraformBinary } from '../../tools/terraform/find-terraform';
import { StackWorkspace } from '../../tools/terraform/plan';
import { createTerraformSession } from '../../tools/terraform/session';
import { readSynthesizedStacks } from '../../tools/stack-model/synthesized-stacks';
import { describeLayer } from './layer';

/** Terraform layers take tens of seconds per command on 2 cores; hooks and tests get this budget each. */
export const TERRAFORM_TIMEOUT_MS = 240_000;

const lookup = findTerraform();

// npm test keeps every core busy (one jest worker more than cores), so Terraform's and the provider's extra Go threads
// only add scheduling and collection overhead: with one, a batch plan takes 6% less CPU (12.0 -> 11.3 CPU-s). Applies
// to the Terraform these suites start (they inherit it); the tools run with Go's default. A GOMAXPROCS set is kept.
process.env.GOMAXPROCS ??= '1';

/** `describe` when Terraform is usable; otherwise a layer skipped (or failed under CI=true) naming what to install. */
export function describeWithTerraform(name: string, body: (terraform: TerraformBinary) => void): void {
  describeLayer(name, lookup.found ? undefined : lookup.message, () => {
    if (lookup.found) body(lookup.binary);
  });
}

/** Workspaces for every stack synthesized into `outdir`, sharing one CLI configuration written there. */
export function workspacesFor(terraform: TerraformBinary, outdir: string): Map<string, StackWorkspace> {
  const session = createTerraformSession(terraform, { workDir: outdir });
  return new Map(readSynthesizedStacks(outdir).map((stack) => [stack.name, new StackWorkspace(session, stack)]));
}
