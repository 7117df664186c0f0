import { checkFlags, numberFlag, parseCli, UsageError } from '../cli/args';

export interface RolloutArgs {
  /** `us-west-2/eu-west-1,us-east-1`: parsed against the releases' regions once they are read (waves.ts). */
  readonly waves: string;
  readonly bakeSeconds: number;
  readonly minRequests: number;
  /** A release folder; default: a fresh synth of the current tree and config. */
  readonly to?: string;
  /** A release folder; default: the release the last successful rollout saved. */
  readonly previous?: string;
  /** The local run's URL: apply and gate there instead of with Terraform and AWS. */
  readonly local?: string;
  readonly dryRun: boolean;
  readonly json: boolean;
  readonly pollSeconds: number;
  readonly callTimeoutSeconds: number;
  /** Model seconds; default: twice the release's slower failover output. */
  readonly rollbackWaitSeconds?: number;
  readonly stateDir?: string;
}

export const USAGE = `usage: npm run rollout -- --waves <wave>,<wave>... [options]

  --waves <w>              waves in order, comma-separated; the regions of one wave slash-separated
                           (us-west-2/eu-west-1,us-east-1); every region of the release in exactly one wave
  --bake <seconds>         least time each wave is watched before the next (default 900)
  --min-requests <n>       least requests each region of a wave must have seen (default 100); synthetic
                           requests to its own hostname make up for short real traffic
  --to <release dir>       the release to roll out (default: a fresh synth of this tree and config)
  --previous <release dir> the release to roll back to (default: the one the last successful rollout saved)
  --local <url>            roll out to the local run at <url> (npm run local) instead of Terraform and AWS
  --dry-run                print what each wave would change, offline; change nothing
  --json                   print the result (or the dry run) as JSON on stdout
  --poll <seconds>         time between two readings of the gates (default 15)
  --call-timeout <seconds> longest one AWS or local-run call may take, retries included (default 15)
  --rollback-wait <s>      longest a rollback waits for its regions to be healthy and in DNS
                           (default: twice the release's error_rate_failover_seconds or failover_seconds)
  --state-dir <dir>        where the last release and the progress are kept (default .rollout/<config name>)
  -h, --help               this text

A release folder comes from \`npm run release -- --out <dir>\`. Times are model seconds: with --local, divided
by the local run's --time-scale. Exit codes: 0 rolled out, 1 gate failed and rolled back (or stopped before a
change: the message says why), 2 bad arguments, 3 the rollback failed (run the printed command), 130 interrupted.`;

/** Checks flag values; every mistake is one UsageError naming the flag and its value. */
export function readRolloutFlags(values: Record<string, string | boolean | undefined>): RolloutArgs {
  const text = (name: string) => values[name] as string | undefined;
  const waves = text('waves');
  if (!waves) throw new UsageError('--waves is required, e.g. --waves us-west-2,us-east-1');
  const local = text('local');
  if (local !== undefined && !/^https?:\/\/[^/\s]+\/?$/.test(local)) {
    throw new UsageError(`--local: "${local}" is not the local run's base URL (http://127.0.0.1:3000)`);
  }
  return {
    waves,
    bakeSeconds: numberFlag('--bake', text('bake') ?? '900', 0, 86_400),
    minRequests: numberFlag('--min-requests', text('min-requests') ?? '100', 0, 1_000_000, true),
    to: text('to'),
    previous: text('previous'),
    local: local?.replace(/\/$/, ''),
    dryRun: values['dry-run'] === true,
    json: values.json === true,
    pollSeconds: numberFlag('--poll', text('poll') ?? '15', 0.01, 3600),
    callTimeoutSeconds: numberFlag('--call-timeout', text('call-timeout') ?? '15', 0.1, 600),
    rollbackWaitSeconds: text('rollback-wait') === undefined ? undefined : numberFlag('--rollback-wait', text('rollback-wait')!, 0, 86_400),
    stateDir: text('state-dir'),
  };
}

const STRING_FLAGS = ['waves', 'bake', 'min-requests', 'to', 'previous', 'local', 'poll', 'call-timeout', 'rollback-wait', 'state-dir'];

/** `npm run rollout` arguments: --help prints USAGE and exits 0; a bad flag or value prints one line and exits 2. */
export function parseRolloutArgs(argv: readonly string[]): RolloutArgs {
  const { values } = parseCli({
    name: 'npm run rollout',
    usage: USAGE,
    config: {
      options: {
        ...Object.fromEntries(STRING_FLAGS.map((flag) => [flag, { type: 'string' as const }])),
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
      },
    },
  }, argv);
  return checkFlags('npm run rollout', () => readRolloutFlags(values as Record<string, string | boolean | undefined>));
}
