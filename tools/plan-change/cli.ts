import { existsSync } from 'fs';
import { checkFlags, parseCli, UsageError } from '../cli/args';
import { MirrorError } from '../terraform/cli-config';
import { findTerraform } from '../terraform/find-terraform';
import { TerraformCommandError } from '../terraform/run';
import { NAME, OPTIONS, PlanChangeArgs, readPlanChangeArgs, USAGE } from './args';
import { ConvergenceError } from './converge';
import { PlanFileError, readPlanFile } from './plan-file';
import { planChange } from './plan-changes';
import { formatClassification } from './report';
import { UnknownActionError } from './risk/changes';
import { Classification, classifyPlan } from './risk/classify';
import { RunGuard } from './run-guard';
import { ConfigSideError } from './synth-config';
import { planWavesCli } from './waves/cli-waves';

// `npm run plan:change`: what a config change does to a live stack, planned offline by the real provider.
export const EXIT_OUTAGE = 1;
export const EXIT_ERROR = 2;
/** Stopped by SIGINT or SIGTERM (128 + SIGINT, what a shell reports for Ctrl-C). */
export const EXIT_STOPPED = 130;

class CliFailure extends Error {}

/** Errors that are the input's or the environment's (one line, exit 2); anything else is a bug and keeps its trace. */
const KNOWN_ERRORS = [CliFailure, UsageError, PlanFileError, UnknownActionError, ConfigSideError, ConvergenceError, MirrorError, TerraformCommandError];

const guard = new RunGuard();

function toJson(result: Classification, extra: Record<string, unknown>): string {
  const changes = result.changes.map(({ address, type, kind, scope, attributes, forcedBy }) => ({ address, type, kind, scope, attributes, forcedBy }));
  return JSON.stringify({ ...extra, outage: result.outage, changes, findings: result.findings }, null, 2);
}

function classifyFile(args: Extract<PlanChangeArgs, { kind: 'plan-file' }>): number {
  const result = classifyPlan(readPlanFile(args.plan));
  console.log(args.json ? toJson(result, { plan: args.plan }) : formatClassification(`plan:change of ${args.plan}`, result));
  return result.outage ? EXIT_OUTAGE : 0;
}

async function planFromConfigs(args: Extract<PlanChangeArgs, { kind: 'configs' }>): Promise<number> {
  const terraform = findTerraform();
  if (!terraform.found) throw new CliFailure(terraform.message);
  if (args.fromApp && !existsSync(args.fromApp)) throw new CliFailure(`--from-app ${args.fromApp}: no such file (build that version first)`);
  const started = Date.now();
  const notice = (line: string) => console.error(`${NAME}: ${line}`);
  if (args.waves !== undefined) return planWavesCli({ ...args, waves: args.waves }, terraform.binary, guard, notice);
  const result = await planChange({ from: args.from, to: args.to, fromApp: args.fromApp, terraform: terraform.binary, guard, notice });
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

/** Ends the run's processes, removes its folders, says so in one line and exits 130; a second signal changes nothing. */
function stopOn(signal: NodeJS.Signals): void {
  if (guard.stopped) return;
  void guard.stop().then(({ processGroups, folders }) => {
    console.error(`${NAME}: stopped by ${signal}: ended ${processGroups} process group(s) (Terraform, providers, synth) and removed `
      + `${folders.length} folder(s) of this run; the cache holds only whole entries`);
    process.exit(EXIT_STOPPED);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const { values } = parseCli({ name: NAME, usage: USAGE, config: { options: OPTIONS } }, argv);
  const args = checkFlags(NAME, () => readPlanChangeArgs(values));
  return args.kind === 'plan-file' ? classifyFile(args) : planFromConfigs(args);
}

process.on('SIGINT', stopOn);
process.on('SIGTERM', stopOn);
main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (error: unknown) => {
  if (guard.stopped) return; // the stop ended what failed here; it reports and exits
  if (!KNOWN_ERRORS.some((type) => error instanceof type)) throw error;
  console.error(`${NAME}: ${(error as Error).message}`);
  process.exitCode = EXIT_ERROR;
});
