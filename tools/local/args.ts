import { numberFlag, parseCli, UsageError } from '../cli/args';
import { RegionStatus, STATUS_VALUES } from './control-routes';
import { parseFault, RegionFault } from './faults';

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
  | { readonly kind: 'fault'; readonly port: number; readonly region: string; readonly fault: RegionFault }
  | { readonly kind: 'status'; readonly port: number };

export const USAGE = `npm run local [-- options]          run every region, the global endpoint and the browser client
npm run local -- flip <region> fail|ok   set STATUS on a running region's health function
npm run local -- fault <region> hello-errors <rate>|unmapped|none
                                         make its hello function throw on that share of invocations (0 < rate <= 1),
                                         take its base path mappings away, or clear the fault
npm run local -- status                  show each region's STATUS, health, error rate, alarm and whether DNS answers it

options:
  --port <n>             global endpoint port; the client takes n+1, regions n+2... (default 3000; 0 = free ports)
  --time-scale <n>       divide Route 53 and CloudWatch timings (check interval, alarm period, metric reaction,
                         record TTL) by n (default 10; 1 = real time)
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
  const [verb, region, setting, rate] = positionals;
  if (verb === 'flip') {
    if (!region || !STATUS_VALUES.includes(setting as RegionStatus)) {
      throw new UsageError('usage: npm run local -- flip <region> fail|ok');
    }
    return { kind: 'flip', port, region, status: setting as RegionStatus };
  }
  if (verb === 'fault') return { kind: 'fault', port, region, fault: faultOf(region, setting, rate) };
  if (verb === 'status') return { kind: 'status', port };
  if (verb !== undefined) throw new UsageError(`unknown command "${verb}"; commands: flip, fault, status`);
  return {
    kind: 'run',
    port,
    timeScale: values['time-scale'] === undefined ? defaults.timeScale : numberFlag('--time-scale', values['time-scale'], 1, 10000),
    latencyOrder: values['latency-order']?.split(',').map((r) => r.trim()).filter(Boolean) ?? [],
    stackDir: values['stack-dir'],
    pollSeconds: values.poll === undefined ? undefined : numberFlag('--poll', values.poll, 0.1, 3600),
  };
}

function faultOf(region: string | undefined, fault: string | undefined, rate: string | undefined): RegionFault {
  if (!region || !fault) throw new UsageError('usage: npm run local -- fault <region> hello-errors <rate>|unmapped|none');
  const parsed = parseFault(rate === undefined ? { fault } : { fault, rate: Number(rate) });
  if ('problem' in parsed) throw new UsageError(rate !== undefined && Number.isNaN(Number(rate)) ? `rate: "${rate}" is not a number` : parsed.problem);
  return parsed;
}
