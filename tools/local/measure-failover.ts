import { CLIENT_HELLO_PATH, METRIC_CHECK_REACTION_SECONDS } from '../../src/contract';
import { checkFlags, numberFlag, parseCli, UsageError } from '../cli/args';
import { LocalRunError } from './errors';
import { SERVED_REGION_HEADER } from './global-server';
import { defaultStackDir } from './read-stack';
import { LocalSystem, startLocal } from './run-local';

const USAGE = `usage: npm run local:measure -- [--runs 5] [--time-scale 20] [--fault status|unmapped|hello-errors [--rate 1]] [--stack-dir <dir>]
  Measures failover on the local run of the synthesized stack, against the model: a fault in the nearest region while
  a client asks the global endpoint every 10 ms, how long until its answers leave that region (and until the region's
  DNS check turns unhealthy), then the fault cleared and how long until its answers come back. Prints figures in
  real-time terms (x the time scale) with min / median / max; asserts nothing.
  --runs <n>         faults to measure (default 5)
  --fault <kind>     status: STATUS=fail on its health function (default); unmapped: its base path mappings taken
                     away; hello-errors: its hello function throws on --rate of invocations (model: the error path)
  --rate <share>     with hello-errors: the share of invocations that fail, 0 < rate <= 1 (default 1)
  --time-scale <n>   divide Route 53 and CloudWatch timings by n (default 20)
  --stack-dir <dir>  the synthesized stack (default cdktf.out/stacks/multi-region-api)`;

const FAULTS = ['status', 'unmapped', 'hello-errors'] as const;
type Fault = typeof FAULTS[number];
interface Measure { readonly fault: Fault; readonly rate: number }
interface Run { readonly unhealthyMs: number; readonly leftMs: number; readonly returnedMs: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The region that served an answer of the global endpoint (its header: a 502 body names no region). */
async function servedBy(url: string): Promise<string | undefined> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.status === 200 ? response.headers.get(SERVED_REGION_HEADER) ?? undefined : `${response.headers.get(SERVED_REGION_HEADER)} (HTTP ${response.status})`;
}

/** Asks every 10 ms until `accept` (also calling `watch` each time); the elapsed ms, or undefined after `limitMs`. */
async function pollUntil(url: string, accept: (region: string | undefined) => boolean, limitMs: number, watch = () => undefined as void): Promise<number | undefined> {
  const started = Date.now();
  for (;;) {
    const region = await servedBy(url);
    watch();
    if (accept(region)) return Date.now() - started;
    if (Date.now() - started > limitMs) return undefined;
    await sleep(10);
  }
}

function inject(system: LocalSystem, region: string, { fault, rate }: Measure, on: boolean): void {
  if (fault === 'status') system.setStatus(region, on ? 'fail' : 'ok');
  else if (!on) system.setFault(region, { fault: 'none' });
  else system.setFault(region, fault === 'unmapped' ? { fault } : { fault, rate });
}

/** One fault: traffic settled on the nearest region, a random phase, the fault, its eviction, a random wait, the clear. */
async function measureOnce(system: LocalSystem, measure: Measure, modelMs: number): Promise<Run | string> {
  const url = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
  const [nearest] = system.latencyOrder;
  const regionReport = () => system.report().regions.find((r) => r.region === nearest)!;
  const phaseMs = Math.max(...[...system.model.alarms.values()].map((a) => a.periodSeconds), ...system.model.records.map((r) => r.ttlSeconds)) * 1000 / system.timeScale;
  // Settled: serving, its alarm not in ALARM and its last period clean, for one period and reaction time in a row, so
  // no evaluation still to come sees a failing period of the previous run.
  const holdMs = Math.max(0, ...[...system.model.alarms.values()].map((a) => a.periodSeconds + METRIC_CHECK_REACTION_SECONDS)) * 1000 / system.timeScale;
  let cleanSince: number | undefined;
  const settled = await pollUntil(url, (region) => {
    const clean = region === nearest && regionReport().alarm !== 'ALARM' && !regionReport().errorRate;
    cleanSince = clean ? cleanSince ?? Date.now() : undefined;
    return cleanSince !== undefined && Date.now() - cleanSince >= holdMs;
  }, 3 * modelMs);
  if (settled === undefined) return `traffic did not settle on ${nearest} within ${3 * modelMs} ms`;
  // The client keeps asking meanwhile, so its cached answer is at a random point of its TTL when the fault starts.
  await pollUntil(url, () => false, Math.random() * phaseMs);
  const faultAt = Date.now();
  let unhealthyMs = NaN;
  inject(system, nearest, measure, true);
  const leftMs = await pollUntil(url, (region) => region !== undefined && !region.startsWith(nearest), 3 * modelMs, () => {
    if (Number.isNaN(unhealthyMs) && !regionReport().healthy) unhealthyMs = Date.now() - faultAt;
  });
  if (leftMs === undefined) {
    inject(system, nearest, measure, false);
    return `traffic never left ${nearest} within ${3 * modelMs} ms; its DNS check still ${regionReport().healthy ? 'healthy' : 'unhealthy'}`;
  }
  await pollUntil(url, () => false, Math.random() * phaseMs);
  inject(system, nearest, measure, false);
  const returnedMs = await pollUntil(url, (region) => region === nearest, 3 * modelMs);
  if (returnedMs === undefined) return `traffic left ${nearest} after ${leftMs} ms and did not come back within ${3 * modelMs} ms`;
  return { unhealthyMs, leftMs, returnedMs };
}

function summary(label: string, values: number[], modelMs: number, toModel: (ms: number) => string): string {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const median = Number.isInteger(middle) ? Math.round((sorted[middle - 1] + sorted[middle]) / 2) : sorted[Math.floor(middle)];
  const [min, max] = [sorted[0], sorted[sorted.length - 1]];
  return `${label} min ${min} / median ${median} / max ${max} ms = ${toModel(min)} / ${toModel(median)} / ${toModel(max)} real; `
    + `model ${modelMs} ms = ${toModel(modelMs)} (max/model ${(max / modelMs).toFixed(2)})`;
}

async function measure(system: LocalSystem, runs: number, how: Measure): Promise<void> {
  const toModel = (ms: number) => `${((ms * system.timeScale) / 1000).toFixed(1)} s`;
  const errorPath = how.fault === 'hello-errors';
  const modelMs = errorPath ? system.modelErrorRateMs : system.modelFailoverMs;
  if (modelMs === undefined) throw new LocalRunError('--fault hello-errors: the stack has no error-rate alarms (healthCheck.errorRate.enabled is false)');
  console.log(`fault: ${how.fault}${errorPath ? ` rate ${how.rate}` : ''} in ${system.latencyOrder[0]}, the nearest region`);
  console.log(`model: ${errorPath ? 'error path (period x evaluation periods + metric reaction + TTL)' : 'interval x threshold + TTL'} `
    + `${toModel(modelMs)} real = ${modelMs} ms at 1/${system.timeScale}; health-route path ${toModel(system.modelFailoverMs)}`);
  console.log('run  fault->unhealthy  fault->leaves  clear->returns   (as real time)');
  const done: Run[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await measureOnce(system, how, modelMs);
    if (typeof result === 'string') {
      console.log(`${String(run).padStart(3)}  ${result}`);
      break;
    }
    done.push(result);
    const cell = (ms: number, width: number) => `${String(ms).padStart(width)} ms`;
    console.log(`${String(run).padStart(3)}  ${cell(result.unhealthyMs, 12)}  ${cell(result.leftMs, 10)}  ${cell(result.returnedMs, 11)}   `
      + `(${toModel(result.leftMs)}, ${toModel(result.returnedMs)})`);
  }
  if (done.length === 0) return;
  console.log(summary('fault->leaves ', done.map((r) => r.leftMs), modelMs, toModel));
  console.log(summary('clear->returns', done.map((r) => r.returnedMs), modelMs, toModel));
}

function parseMeasure(fault: string | undefined, rate: string | undefined): Measure {
  if (!FAULTS.includes((fault ?? 'status') as Fault)) throw new UsageError(`--fault must be ${FAULTS.map((f) => `"${f}"`).join(', ')}, not "${fault}"`);
  if (rate !== undefined && fault !== 'hello-errors') throw new UsageError('--rate goes with --fault hello-errors');
  const share = rate === undefined ? 1 : Number(rate);
  if (!(share > 0 && share <= 1)) throw new UsageError(`--rate: "${rate}" is not a share with 0 < rate <= 1`);
  return { fault: (fault ?? 'status') as Fault, rate: share };
}

async function main(): Promise<void> {
  const { values } = parseCli({
    name: 'local:measure',
    usage: USAGE,
    config: {
      options: {
        runs: { type: 'string' }, 'time-scale': { type: 'string' }, fault: { type: 'string' }, rate: { type: 'string' }, 'stack-dir': { type: 'string' },
      },
    },
  });
  const [how, runs, timeScale] = checkFlags('local:measure', () => [
    parseMeasure(values.fault, values.rate),
    numberFlag('--runs', values.runs ?? '5', 1, 1000, true),
    numberFlag('--time-scale', values['time-scale'] ?? '20', 1, 10000),
  ] as const);
  const system = await startLocal({ stackDir: values['stack-dir'] ?? defaultStackDir(), port: 0, timeScale });
  try {
    await measure(system, runs, how);
  } finally {
    await system.stop();
  }
}

main().catch((error: Error) => {
  console.error(`local:measure: ${error instanceof LocalRunError ? error.message : error.stack}`);
  process.exit(1);
});
