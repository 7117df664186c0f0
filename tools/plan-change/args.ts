import { configPath } from '../../src/config';
import { UsageError } from '../cli/args';

/** How users run it: the prefix of every error line. */
export const NAME = 'plan:change';

export const USAGE = `Usage: npm run plan:change -- --from <config A> [--to <config B>] [--json]
       npm run plan:change -- --from <config or release dir> [--to <...>] --waves <w>,<w>... [--json]
       npm run plan:change -- --plan <terraform show -json output> [--json]
  --from   the config the live stack was deployed from (a prior state is built for it)
  --to     the config to change to (default: $MULTI_REGION_CONFIG, else config/example.json)
  --from-app  the compiled app (dist/main.js) of the version the live stack was deployed with, to plan an
           upgrade of this project (default: this checkout's)
  --waves  plan a rollout in waves instead, as \`npm run rollout -- --dry-run\` prints it (same flag: regions of a
           wave slash-separated, waves comma-separated); --from and --to may then be release folders
  --plan   classify a real plan's JSON instead (terraform show -json plan.out)
  --json   print the result as JSON (for CI)
Exit codes: 0 no outage risk, 1 a change classified as an outage (with --waves also: a step the rollout would
stop at, STOP in the risk column), 2 error (bad config or flag, no Terraform,
a --plan file that is not a plan's JSON or holds an action it does not know, or a prior state that does not
converge), 130 stopped by Ctrl-C (SIGINT) or SIGTERM.`;

/** The `util.parseArgs` options of plan:change (`--help` is added by tools/cli). */
export const OPTIONS = {
  from: { type: 'string' },
  'from-app': { type: 'string' },
  to: { type: 'string' },
  plan: { type: 'string' },
  waves: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export interface FlagValues {
  readonly from?: string;
  readonly 'from-app'?: string;
  readonly to?: string;
  readonly plan?: string;
  readonly waves?: string;
  readonly json?: boolean;
}

/** Classify a real plan's JSON, or plan a change from one config to another. */
export type PlanChangeArgs =
  | { readonly kind: 'plan-file'; readonly plan: string; readonly json: boolean }
  | { readonly kind: 'configs'; readonly from: string; readonly fromApp?: string; readonly to: string; readonly json: boolean;
    /** `--waves` as the rollout takes it (parsed against the releases' regions once they are read). */
    readonly waves?: string };

/** The parsed flags, checked together: `--from` or `--plan`, and `--plan` alone; a mistake throws UsageError. */
export function readPlanChangeArgs(values: FlagValues, env: NodeJS.ProcessEnv = process.env): PlanChangeArgs {
  const json = values.json ?? false;
  if (values.plan !== undefined) {
    if (values.from !== undefined || values.to !== undefined || values['from-app'] !== undefined || values.waves !== undefined) {
      throw new UsageError('--plan classifies a plan file on its own: drop --from/--to/--from-app/--waves');
    }
    return { kind: 'plan-file', plan: values.plan, json };
  }
  if (values.from === undefined) throw new UsageError('give --from <config> (or --plan <file>)');
  return { kind: 'configs', from: values.from, fromApp: values['from-app'], to: values.to ?? configPath(env), json, waves: values.waves };
}
