import { existsSync, readFileSync } from 'fs';
import { findTerraform } from '../terraform/find-terraform';
import { MirrorError } from '../terraform/cli-config';
import { TerraformCommandError } from '../terraform/run';
import { parsePlanChangeArgs, USAGE, UsageError } from './args';
import { ConvergenceError } from './converge';
import { planChange } from './engine';
import { ChangePlanJson } from './risk/changes';
import { Classification, classifyPlan } from './risk/classify';
import { formatClassification } from './report';
import { ConfigSideError } from './synth-config';

// `npm run plan:change`: what a config change does to a live stack, planned offline by the real provider.
export const EXIT_OUTAGE = 1;
export const EXIT_ERROR = 2;

class CliFailure extends Error {}

function readPlanFile(file: string): ChangePlanJson {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new CliFailure(`--plan ${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  try {
    const plan = JSON.parse(text) as ChangePlanJson & { format_version?: unknown };
    if (typeof plan.format_version !== 'string') throw new Error('no format_version: not `terraform show -json` output of a plan');
    return plan;
  } catch (error) {
    throw new CliFailure(`--plan ${file}: ${(error as Error).message}`);
  }
}

function toJson(result: Classification, extra: Record<string, unknown>): string {
  const changes = result.changes.map(({ address, type, kind, scope, attributes, forcedBy }) => ({ address, type, kind, scope, attributes, forcedBy }));
  return JSON.stringify({ ...extra, outage: result.outage, changes, findings: result.findings }, null, 2);
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parsePlanChangeArgs(argv);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.plan) {
    const result = classifyPlan(readPlanFile(args.plan));
    console.log(args.json ? toJson(result, { plan: args.plan }) : formatClassification(`plan:change of ${args.plan}`, result));
    return result.outage ? EXIT_OUTAGE : 0;
  }
  const terraform = findTerraform();
  if (!terraform.found) throw new CliFailure(terraform.message);
  const started = Date.now();
  if (args.fromApp && !existsSync(args.fromApp)) throw new CliFailure(`--from-app ${args.fromApp}: no such file (build that version first)`);
  const result = await planChange({ from: args.from!, to: args.to, terraform: terraform.binary, fromApp: args.fromApp });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const prior = result.priorState.cached ? 'prior state from cache' : `prior state converged in ${result.priorState.rounds} round(s)`;
  const source = result.mirror ? 'providers from a filesystem mirror' : 'providers from the registry';
  if (args.json) {
    console.log(toJson(result.classification, { from: args.from, to: args.to, priorState: result.priorState, seconds: Number(seconds) }));
  } else {
    console.log(formatClassification(
      `plan:change ${args.from}${args.fromApp ? ` (app ${args.fromApp})` : ''} -> ${args.to} (multi-region-api, Terraform ${terraform.binary.version}, ${source}; ${prior}; ${seconds}s)`,
      result.classification));
  }
  return result.classification.outage ? EXIT_OUTAGE : 0;
}

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  const known = [CliFailure, UsageError, ConfigSideError, ConvergenceError, MirrorError, TerraformCommandError];
  if (!known.some((type) => error instanceof type)) throw error;
  console.error(`plan:change: ${(error as Error).message}${error instanceof UsageError ? `\n${USAGE}` : ''}`);
  process.exitCode = EXIT_ERROR;
});
