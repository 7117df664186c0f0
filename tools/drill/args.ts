import { isIP } from 'net';
import { numberFlag, parseCli, UsageError } from '../cli/args';

export interface DrillArgs {
  readonly region: string;
  readonly dryRun: boolean;
  /** A saved `terraform output -json`; otherwise terraform is run in the stack folder. */
  readonly outputsFile?: string;
  readonly stackDir?: string;
  /** Resolvers to ask instead of the system's (e.g. 8.8.8.8, or the zone's name servers to skip caches). */
  readonly dnsServers: readonly string[];
  readonly pollSeconds: number;
  /** Longest the whole drill may take before it restores and stops. */
  readonly timeoutSeconds: number;
  /** Longest one AWS call may take, the SDK's retries included. */
  readonly callTimeoutSeconds: number;
}

/** How `npm run drill` names itself in its one-line errors. */
export const CLI_NAME = 'drill';

export const USAGE = `usage: npm run drill -- --region <region> [options]

  --region <region>           the deployed region to fail (a key of the stack's "regions" output)
  --dry-run                   print the steps, change nothing
  --outputs <file>            a saved \`terraform output -json\` (default: run terraform in --stack-dir)
  --stack-dir <dir>           the synthesized stack (default cdktf.out/stacks/multi-region-api)
  --dns-server <ip[:port]>    resolvers to ask, comma-separated (IPv6 with a port: [addr]:port)
  --poll <seconds>            pause between status reads, 0.1 to 3600 (default 5)
  --timeout <seconds>         longest the whole drill may run, 1 to 86400; then it restores STATUS and stops
                              (default 900)
  --call-timeout <seconds>    longest one AWS call may take, retries included, 1 to 600 (default 15); the
                              restore gets up to 4 of these
  -h, --help                  this text`;

/**
 * Parses `npm run drill` arguments through tools/cli: `--help` prints USAGE and exits 0, an unknown flag or a missing
 * value exits 2; a bad value throws a UsageError naming the flag and the value.
 */
export function parseDrillArgs(argv: readonly string[]): DrillArgs {
  const { values } = parseCli({
    name: CLI_NAME,
    usage: USAGE,
    config: {
      options: {
        region: { type: 'string' },
        'dry-run': { type: 'boolean' },
        outputs: { type: 'string' },
        'stack-dir': { type: 'string' },
        'dns-server': { type: 'string' },
        poll: { type: 'string' },
        timeout: { type: 'string' },
        'call-timeout': { type: 'string' },
      },
    },
  }, argv);
  if (!values.region) throw new UsageError('--region is required');
  return {
    region: values.region,
    dryRun: values['dry-run'] ?? false,
    outputsFile: values.outputs,
    stackDir: values['stack-dir'],
    dnsServers: values['dns-server']?.split(',').map((s) => s.trim()).filter(Boolean).map(dnsServer) ?? [],
    pollSeconds: numberFlag('--poll', values.poll ?? '5', 0.1, 3600),
    timeoutSeconds: numberFlag('--timeout', values.timeout ?? '900', 1, 86_400),
    callTimeoutSeconds: numberFlag('--call-timeout', values['call-timeout'] ?? '15', 1, 600),
  };
}

/** `1.2.3.4`, `1.2.3.4:53`, `::1` or `[::1]:53`, as node's Resolver#setServers takes them. */
function dnsServer(text: string): string {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  const v4WithPort = /^([^:]+):(\d+)$/.exec(text);
  const [host, port, family] = bracketed ? [bracketed[1], bracketed[2], 6]
    : v4WithPort ? [v4WithPort[1], v4WithPort[2], 4]
      : [text, undefined, isIP(text)];
  const portOk = port === undefined || (/^\d{1,5}$/.test(port) && Number(port) >= 1 && Number(port) <= 65535);
  if (family === 0 || isIP(host) !== family || !portOk) {
    throw new UsageError(`--dns-server: "${text}" is not an IP address with an optional port (8.8.8.8, 8.8.8.8:53, [2001:db8::1]:53)`);
  }
  return text;
}
