import { parseArgs } from 'util';
import { configPath } from '../../src/config';

export interface PlanChangeArgs {
  readonly from?: string;
  readonly fromApp?: string;
  readonly to: string;
  readonly plan?: string;
  readonly json: boolean;
  readonly help: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: npm run plan:change -- --from <config A> [--to <config B>] [--json]
       npm run plan:change -- --plan <terraform show -json output> [--json]
  --from   the config the live stack was deployed from (a prior state is built for it)
  --to     the config to change to (default: $MULTI_REGION_CONFIG, else config/example.json)
  --from-app  the compiled app (dist/main.js) of the version the live stack was deployed with, to plan an
           upgrade of this project (default: this checkout's)
  --plan   classify a real plan's JSON instead (terraform show -json plan.out)
  --json   print the result as JSON (for CI)
Exit codes: 0 no outage risk, 1 a change classified as an outage, 2 error (bad config or flag, no Terraform,
unreadable --plan, or a prior state that does not converge).`;

export function parsePlanChangeArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): PlanChangeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        from: { type: 'string' }, 'from-app': { type: 'string' }, to: { type: 'string' }, plan: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const help = values.help ?? false;
  if (!help && !values.from && !values.plan) throw new UsageError('give --from <config> (or --plan <file>)');
  if (values.plan && (values.from || values.to || values['from-app'])) throw new UsageError('--plan classifies a plan file on its own: drop --from/--to/--from-app');
  return { from: values.from, fromApp: values['from-app'], to: values.to ?? configPath(env), plan: values.plan, json: values.json ?? false, help };
}
