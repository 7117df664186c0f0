import { configPath } from '../../src/config';
import { parseCli } from '../cli/args';
import { StackWorkspace } from './plan';
import { TerraformCommandError } from './run';
import { readSynthesizedStacks } from '../stack-model/synthesized-stacks';
import { formatPlanSummary, summarizePlan } from './summary';
import { describeInstallSource, fail, runScript, setUpOfflineProof } from './offline-proof-setup';

const USAGE = `usage: npm run plan:summary
  What a first apply of the configured app would create, per region and resource type, as Markdown for a PR
  (an offline plan against empty state; the synthesized stacks stay in test-artifacts/plan-summary/).`;

async function main(): Promise<void> {
  parseCli({ name: 'plan:summary', usage: USAGE, config: {} });
  const { session, outdir } = setUpOfflineProof('plan-summary');
  const tables: string[] = [];
  try {
    for (const stack of readSynthesizedStacks(outdir)) {
      const plan = await new StackWorkspace(session, stack).plan();
      tables.push(formatPlanSummary(`${stack.name}`, summarizePlan(plan)));
    }
  } catch (error) {
    if (error instanceof TerraformCommandError) fail(`FAILED: ${error.message}`);
    throw error;
  }
  console.log(`Offline plan of ${configPath()} against empty state (Terraform ${session.binary.version}, ${describeInstallSource(session)})\n`);
  console.log(tables.join('\n\n'));
}

runScript(main);
