import { UsageError } from './errors';

export interface DrillArgs {
  readonly region: string;
  readonly dryRun: boolean;
  /** A saved `terraform output -json`; otherwise terraform is run in the stack folder. */
  readonly outputsFile?: string;
  readonly stackDir?: string;
  /** Resolvers to ask instead of the system's (e.g. 8.8.8.8, or the zone's name servers to skip caches). */
  readonly dnsServers: readonly string[];
  readonly pollSeconds: number;
  readonly phaseTimeoutSeconds: number;
}

export const USAGE = 'usage: npm run drill -- --region <region> [--dry-run] [--outputs <terraform output -json file>] '
  + '[--stack-dir <dir>] [--dns-server <ip>[,<ip>]] [--poll <seconds>] [--timeout <seconds per phase>]';

const VALUE_FLAGS = ['--region', '--outputs', '--stack-dir', '--dns-server', '--poll', '--timeout'];

export function parseDrillArgs(argv: readonly string[]): DrillArgs {
  const values = new Map<string, string>();
  let dryRun = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--dry-run') {
      dryRun = true;
    } else if (VALUE_FLAGS.includes(flag)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value; ${USAGE}`);
      values.set(flag, value);
    } else {
      throw new UsageError(`unknown argument "${flag}"; ${USAGE}`);
    }
  }
  const region = values.get('--region');
  if (!region) throw new UsageError(`--region is required; ${USAGE}`);
  return {
    region,
    dryRun,
    outputsFile: values.get('--outputs'),
    stackDir: values.get('--stack-dir'),
    dnsServers: values.get('--dns-server')?.split(',').map((s) => s.trim()).filter(Boolean) ?? [],
    pollSeconds: positive(values.get('--poll') ?? '5', '--poll'),
    phaseTimeoutSeconds: positive(values.get('--timeout') ?? '600', '--timeout'),
  };
}

function positive(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag}: "${text}" is not a positive number of seconds`);
  return value;
}
