import { findTerraform, TerraformBinary } from '../../tools/terraform/find-terraform';
import { StackWorkspace } from '../../tools/terraform/plan';
import { createTerraformSession } from '../../tools/terraform/session';
import { readSynthesizedStacks } from '../../tools/stack-model/synthesized-stacks';

/** Terraform layers take tens of seconds per command on 2 cores; hooks and tests get this budget each. */
export const TERRAFORM_TIMEOUT_MS = 240_000;

const lookup = findTerraform();

/**
 * `describe` when Terraform is usable. Without it the suite is one test named after what to install: a failure
 * under CI=true, a visible skip elsewhere.
 */
export function describeWithTerraform(name: string, body: (terraform: TerraformBinary) => void): void {
  if (lookup.found) {
    describe(name, () => body(lookup.binary));
  } else if (process.env.CI === 'true') {
    describe(name, () => test(lookup.message, () => { throw new Error(lookup.message); }));
  } else {
    console.warn(`${name}: skipped. ${lookup.message}`);
    describe(name, () => test.skip(lookup.message, () => undefined));
  }
}

/** Workspaces for every stack synthesized into `outdir`, sharing one CLI configuration written there. */
export function workspacesFor(terraform: TerraformBinary, outdir: string): Map<string, StackWorkspace> {
  const session = createTerraformSession(terraform, { workDir: outdir });
  return new Map(readSynthesizedStacks(outdir).map((stack) => [stack.name, new StackWorkspace(session, stack)]));
}
