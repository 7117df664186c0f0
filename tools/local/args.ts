import { parseArgs } from 'util';
import { LocalRunError } from './errors';
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
  | { readonly kind: 'status'; readonly port: number }
  | { readonly kind: 'help' };

export const USAGE = `npm run local [-- options]          run every region, the global endpoint and the browser client
npm run local -- flip <region> fail|ok   set STATUS on a running region's health function
npm run local -- status                  show each region's STATUS and health

options:
  --port <n>             global endpoint port; the client takes n+1, regions n+2... (default 3000; 0 = free ports)
  --time-scale <n>       divide Route 53 timings (check interval, record TTL) by n (default 10; 1 = real time)
  --latency-order <a,b>  regions nearest first, as latency routing would rank them (default: the config's order)
  --poll <seconds>       the browser client's poll period (default: the client's 10 s)
  --stack-dir <dir>      the synthesized stack (default cdktf.out/stacks/multi-region-api)`;

/** Parses `npm run local` arguments; every mistake is one LocalRunError line. */
export function parseCommand(argv: readonly string[], defaults: { port: number; timeScale: number }): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'time-scale': { type: 'string' },
        'latency-order': { type: 'string' },
        poll: { type: 'string' },
        'stack-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new LocalRunError(`${(error as Error).message} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const port = values.port === undefined ? defaults.port : number('--port', values.port, 0, 65535, true);
  const [verb, region, status] = positionals;
  if (verb === 'flip') {
    if (!region || !STATUS_VALUES.includes(status as RegionStatus)) {
      throw new LocalRunError('usage: npm run local -- flip <region> fail|ok');
    }
    return { kind: 'flip', port, region, status: status as RegionStatus };
  }
  if (verb === 'status') return { kind: 'status', port };
  if (verb !== undefined) throw new LocalRunError(`unknown command "${verb}"; commands: flip, status (see --help)`);
  return {
    kind: 'run',
    port,
    timeScale: values['time-scale'] === undefined ? defaults.timeScale : number('--time-scale', values['time-scale'], 1, 10000, false),
    latencyOrder: values['latency-order']?.split(',').map((r) => r.trim()).filter(Boolean) ?? [],
    stackDir: values['stack-dir'],
    pollSeconds: values.poll === undefined ? undefined : number('--poll', values.poll, 0.1, 3600, false),
  };
}

function number(option: string, text: string, min: number, max: number, integer: boolean): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new LocalRunError(`${option}: "${text}" is not ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}
