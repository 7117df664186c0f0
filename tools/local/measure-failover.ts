import { CLIENT_HELLO_PATH, regionOfHello } from '../../src/contract';
import { checkFlags, numberFlag, parseCli } from '../cli/args';
import { LocalRunError } from './errors';
import { defaultStackDir } from './read-stack';
import { LocalSystem, startLocal } from './run-local';

const USAGE = `usage: npm run local:measure -- [--runs 5] [--time-scale 20] [--fault status|unmapped] [--stack-dir <dir>]
  Measures flip-to-switch on the local run of the synthesized stack: a failure in the nearest region, then how long
  until its health check turns unhealthy and until the global endpoint answers from another region, against the model
  (interval x threshold + TTL, divided by the time scale). Prints figures; asserts nothing.
  --runs <n>         flips to measure (default 5)
  --fault <kind>     status: STATUS=fail on its health function (default); unmapped: its base path mappings taken
                     away (a check that does not see it never switches: given up after 3x the model time)
  --time-scale <n>   divide Route 53 timings by n (default 20)
  --stack-dir <dir>  the synthesized stack (default cdktf.out/stacks/multi-region-api)`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answeringRegion(url: string): Promise<string | undefined> {
  const body = await (await fetch(url)).json() as { message?: string };
  return regionOfHello(body.message);
}

/** Polls until `accept`; false when `limitMs` passed first. */
async function pollUntil(url: string, accept: (region: string | undefined) => boolean, limitMs = Infinity): Promise<boolean> {
  const deadline = Date.now() + limitMs;
  while (!accept(await answeringRegion(url))) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

type Fault = 'status' | 'unmapped';

function inject(system: LocalSystem, region: string, fault: Fault, on: boolean): void {
  if (fault === 'status') system.setStatus(region, on ? 'fail' : 'ok');
  else system.setFault(region, on ? { fault: 'unmapped' } : { fault: 'none' });
}

async function measure(system: LocalSystem, runs: number, fault: Fault, transitions: Array<{ line: string; at: number }>): Promise<void> {
  const url = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
  const [nearest] = system.latencyOrder;
  const intervalMs = Math.min(...[...system.model.healthChecks.values()].map((c) => c.requestInterval)) * 1000 / system.timeScale;
  const ttlMs = Math.max(...system.model.records.map((r) => r.ttlSeconds)) * 1000 / system.timeScale;
  const toModel = (ms: number) => `${((ms * system.timeScale) / 1000).toFixed(1)} s`;
  const checks = [...system.model.healthChecks.values()];
  console.log(`fault: ${fault}; health checks on ${checks.map((c) => `${c.host}${c.resourcePath}`).join(', ')}`);
  console.log(`model: ${system.modelFailoverMs} ms at 1/${system.timeScale} scale (${toModel(system.modelFailoverMs)} real)`);
  console.log('run  flip->unhealthy  flip->switch  (as real time)');
  const switches: number[] = [];
  for (let run = 1; run <= runs; run++) {
    await pollUntil(url, (region) => region === nearest);
    // A random phase against both the check schedule and the cached answer, whose refresh the previous run just caused.
    await sleep(Math.random() * (ttlMs + intervalMs));
    transitions.length = 0;
    const flippedAt = Date.now();
    inject(system, nearest, fault, true);
    const giveUpMs = 3 * system.modelFailoverMs;
    if (!await pollUntil(url, (region) => region !== undefined && region !== nearest, giveUpMs)) {
      console.log(`${String(run).padStart(3)}  traffic never left ${nearest} within ${giveUpMs} ms (${toModel(giveUpMs)}); `
        + `its check still ${system.report().regions.find((r) => r.region === nearest)?.healthy ? 'healthy' : 'unhealthy'}`);
      inject(system, nearest, fault, false);
      return;
    }
    const switchMs = Date.now() - flippedAt;
    const unhealthy = transitions.find((t) => t.line.startsWith(`${nearest}: health check UNHEALTHY`));
    const unhealthyMs = unhealthy ? unhealthy.at - flippedAt : NaN;
    switches.push(switchMs);
    console.log(`${String(run).padStart(3)}  ${String(unhealthyMs).padStart(12)} ms  ${String(switchMs).padStart(9)} ms  (${toModel(switchMs)})`);
    inject(system, nearest, fault, false);
  }
  switches.sort((a, b) => a - b);
  const median = switches[Math.floor(switches.length / 2)];
  console.log(`flip->switch min ${switches[0]} / median ${median} / max ${switches[switches.length - 1]} ms; `
    + `model ${system.modelFailoverMs} ms (max/model ${(switches[switches.length - 1] / system.modelFailoverMs).toFixed(2)})`);
}

async function main(): Promise<void> {
  const { values } = parseCli({
    name: 'local:measure',
    usage: USAGE,
    config: { options: { runs: { type: 'string' }, 'time-scale': { type: 'string' }, fault: { type: 'string' }, 'stack-dir': { type: 'string' } } },
  });
  const fault = values.fault ?? 'status';
  if (fault !== 'status' && fault !== 'unmapped') {
    console.error(`local:measure: --fault must be "status" or "unmapped", not "${fault}"`);
    process.exit(2);
  }
  const [runs, timeScale] = checkFlags('local:measure', () => [
    numberFlag('--runs', values.runs ?? '5', 1, 1000, true),
    numberFlag('--time-scale', values['time-scale'] ?? '20', 1, 10000),
  ]);
  const transitions: Array<{ line: string; at: number }> = [];
  const system = await startLocal({
    stackDir: values['stack-dir'] ?? defaultStackDir(),
    port: 0,
    timeScale,
    log: (line) => transitions.push({ line, at: Date.now() }),
  });
  try {
    await measure(system, runs, fault, transitions);
  } finally {
    await system.stop();
  }
}

main().catch((error: Error) => {
  console.error(`local:measure: ${error instanceof LocalRunError ? error.message : error.stack}`);
  process.exit(1);
});
