import { CLIENT_HELLO_PATH, regionOfHello } from '../../src/contract';
import { checkFlags, numberFlag, parseCli } from '../cli/args';
import { LocalRunError } from './errors';
import { defaultStackDir } from './read-stack';
import { LocalSystem, startLocal } from './run-local';

const USAGE = `usage: npm run local:measure -- [--runs 5] [--time-scale 20] [--stack-dir <dir>]
  Measures flip-to-switch on the local run of the synthesized stack: STATUS=fail on the nearest region, then how long
  until its health check turns unhealthy and until the global endpoint answers from another region, against the model
  (interval x threshold + TTL, divided by the time scale). Prints figures; asserts nothing.
  --runs <n>         flips to measure (default 5)
  --time-scale <n>   divide Route 53 timings by n (default 20)
  --stack-dir <dir>  the synthesized stack (default cdktf.out/stacks/multi-region-api)`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function answeringRegion(url: string): Promise<string | undefined> {
  const body = await (await fetch(url)).json() as { message?: string };
  return regionOfHello(body.message);
}

async function pollUntil(url: string, accept: (region: string | undefined) => boolean): Promise<void> {
  while (!accept(await answeringRegion(url))) await sleep(10);
}

async function measure(system: LocalSystem, runs: number, transitions: Array<{ line: string; at: number }>): Promise<void> {
  const url = `${system.globalUrl}${CLIENT_HELLO_PATH}`;
  const [nearest] = system.latencyOrder;
  const intervalMs = Math.min(...[...system.model.healthChecks.values()].map((c) => c.requestInterval)) * 1000 / system.timeScale;
  const ttlMs = Math.max(...system.model.records.map((r) => r.ttlSeconds)) * 1000 / system.timeScale;
  const toModel = (ms: number) => `${((ms * system.timeScale) / 1000).toFixed(1)} s`;
  console.log(`model: ${system.modelFailoverMs} ms at 1/${system.timeScale} scale (${toModel(system.modelFailoverMs)} real)`);
  console.log('run  flip->unhealthy  flip->switch  (as real time)');
  const switches: number[] = [];
  for (let run = 1; run <= runs; run++) {
    await pollUntil(url, (region) => region === nearest);
    // A random phase against both the check schedule and the cached answer, whose refresh the previous run just caused.
    await sleep(Math.random() * (ttlMs + intervalMs));
    transitions.length = 0;
    const flippedAt = Date.now();
    system.setStatus(nearest, 'fail');
    await pollUntil(url, (region) => region !== undefined && region !== nearest);
    const switchMs = Date.now() - flippedAt;
    const unhealthy = transitions.find((t) => t.line.startsWith(`${nearest}: health check UNHEALTHY`));
    const unhealthyMs = unhealthy ? unhealthy.at - flippedAt : NaN;
    switches.push(switchMs);
    console.log(`${String(run).padStart(3)}  ${String(unhealthyMs).padStart(12)} ms  ${String(switchMs).padStart(9)} ms  (${toModel(switchMs)})`);
    system.setStatus(nearest, 'ok');
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
    config: { options: { runs: { type: 'string' }, 'time-scale': { type: 'string' }, 'stack-dir': { type: 'string' } } },
  });
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
    await measure(system, runs, transitions);
  } finally {
    await system.stop();
  }
}

main().catch((error: Error) => {
  console.error(`local:measure: ${error instanceof LocalRunError ? error.message : error.stack}`);
  process.exit(1);
});
