import { numberFlag, parseCli, UsageError } from '../cli/args';
import { RegionStatus, STATUS_VALUES } from './control-routes';

export type Command =
  | {
    readonly kind: 'run';
    readonly port: number;
    readonly timeScale: number;
    readonly latencyOrder: readonly string[];
    readonly stackDir?: string;
    readonly pollSeconds?: number;
  }
  | { readonly kind: 'flip'; readonly port: number; readonly region: string; readonly status: RegionStatus }
  | { readonly kind: 'status'; readonly port: number };

export const USAGE = `npm run local [-- options]          run every region, the global endpoint and the browser client
npm run local -- flip <region> fail|ok   set STATUS on a running region's health function
npm run local -- status                  show each region's STATUS and health

options:
  --port <n>             global endpoint port; the client takes n+1, regions n+2... (default 3000; 0 = free ports)
  --time-scale <n>       divide Route 53 timings (check interval, record TTL) by n (default 10; 1 = real time)
  --latency-order <a,b>  regions nearest first, as latency routing would rank them (default: the config's order)
  --poll <seconds>       the browser client's poll period (default: the client's 10 s)
  --stack-dir <dir>      the synthesized stack (default cdktf.out/stacks/multi-region-api)`;

/** Parses `npm run local` arguments: `--help` prints USAGE and exits 0, a bad flag exits 2; a bad value throws UsageError. */
export function parseCommand(argv: readonly string[], defaults: { port: number; timeScale: number }): Command {
  const { values, positionals } = parseCli({
    name: 'npm run local',
    usage: USAGE,
    config: {
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'time-scale': { type: 'string' },
        'latency-order': { type: 'string' },
        poll: { type: 'string' },
        'stack-dir': { type: 'string' },
      },
    },
  }, argv);
  const port = values.port === undefined ? defaults.port : numberFlag('--port', values.port, 0, 65535, true);
  const [verb, region, status] = positionals;
  if (verb === 'flip') {
    if (!region || !STATUS_VALUES.includes(status as RegionStatus)) {
      throw new UsageError('usage: npm run local -- flip <region> fail|ok');
    }
    return { kind: 'flip', port, region, status: status as RegionStatus };
  }
  if (verb === 'status') return { kind: 'status', port };
  if (verb !== undefined) throw new UsageError(`unknown command "${verb}"; commands: flip, status`);
  return {
    kind: 'run',
    port,
    timeScale: values['time-scale'] === undefined ? defaults.timeScale : numberFlag('--time-scale', values['time-scale'], 1, 10000),
    latencyOrder: values['latency-order']?.split(',').map((r) => r.trim()).filter(Boolean) ?? [],
    stackDir: values['stack-dir'],
    pollSeconds: values.poll === undefined ? undefined : numberFlag('--poll', values.poll, 0.1, 3600),
  };
}
