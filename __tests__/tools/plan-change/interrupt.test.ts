import { ChildProcess, spawn } from 'child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS } from '../../helpers/terraform';
import { descendantsOf, HAS_PROC, ProcessInfo, processesIn, stillRunning } from './processes';

// COST: after the day-2 scenarios the most expensive plan-change suite, kept as small as its claims allow: a ONE-region
// stack without hostnames; two convergences (the rerun after the Ctrl-Cs, and the run that rebuilds a damaged cache,
// which is also the from-scratch answer the rerun must match), four runs cut short and one cached run, plus 5 s of
// waiting after each stop. Measured alone with other engineers' suites loading the 2 cores (load 15-20): 6.8 min wall,
// 233 CPU-s; the two convergences take most of it. It prints how long each run took. Linux only: it reads /proc to
// see which processes a run left.

const CLI = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');
const BASE = {
  domainName: 'api.example.com', hostedZoneId: 'Z0123456789EXAMPLE01', regions: ['us-east-1'], healthCheck: { target: 'execute-api' },
  state: { backend: 'local' },
};

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Every process seen below the CLI while it ran. */
  readonly seen: readonly ProcessInfo[];
}

type Point = (below: readonly ProcessInfo[]) => boolean;
const providerIn = (folder: string): Point => (below) =>
  below.some((p) => p.args.some((a) => a.includes('terraform-provider-aws')) && p.cwd.includes(`/${folder}-`));

/** Where a cold run (nothing cached for this stack) is stopped, told by what runs below the CLI at that moment. */
const COLD_POINTS: ReadonlyArray<{ readonly name: string; readonly at: Point }> = [
  { name: 'the synth', at: (below) => below.some((p) => p.args.some((a) => a.endsWith('dist/main.js'))) },
  { name: 'terraform init', at: (below) => below.some((p) => p.args[1] === 'init') },
  { name: 'the convergence (its first plan, the provider running)', at: providerIn('converge') },
];

/** Runs plan:change with `cache`; when `stopAt` sees its point below the CLI, sends the CLI (only) SIGINT. */
function runCli(cache: string, args: readonly string[], stopAt?: (below: readonly ProcessInfo[]) => boolean): Promise<Run> {
  const started = Date.now();
  const child: ChildProcess = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, PLAN_CHANGE_CACHE_DIR: cache } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const seen = new Map<number, ProcessInfo>();
  const watch = setInterval(() => {
    const below = descendantsOf(child.pid!);
    below.forEach((p) => seen.set(p.pid, p));
    if (stopAt?.(below)) {
      child.kill('SIGINT');
      clearInterval(watch);
    }
  }, 25);
  return new Promise((resolve) => child.on('close', (code) => {
    clearInterval(watch);
    resolve({ code, stdout, stderr, seconds: (Date.now() - started) / 1000, seen: [...seen.values()] });
  }));
}

/** The answer of a --json run, without what differs between runs of the same change (time, how the state was had). */
function answer(run: Run): unknown {
  const { changes, findings, outage } = JSON.parse(run.stdout) as Record<string, unknown>;
  return { code: run.code, changes, findings, outage };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const stray = (cache: string) => readdirSync(cache).filter((name) => /^run-|\.building-|\.tmp$/.test(name));

/** A run stopped: exit 130 and one line; 5 s later no process of the run is left, and no folder of it in the cache. */
async function expectStoppedClean(run: Run, dir: string, cache: string): Promise<void> {
  expect([run.code, run.stdout, run.stderr.trim().split('\n')]).toEqual([130, '', [expect.stringMatching(
    /^plan:change: stopped by SIGINT: ended \d+ process group\(s\) \(Terraform, providers, synth\) and removed \d+ folder\(s\) of this run; the cache holds only whole entries$/,
  )]]);
  await sleep(5000);
  expect(stillRunning(run.seen).map((p) => p.args.join(' '))).toEqual([]);
  expect(processesIn(dir).map((p) => p.args.join(' '))).toEqual([]);
  expect(stray(cache)).toEqual([]);
}

describeWithTerraform('plan:change stopped by Ctrl-C, and a damaged cache (one region, real provider)', () => {
  if (!HAS_PROC) {
    test.skip('reads /proc to see which processes a run left: Linux only', () => undefined);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'plan-change-interrupt-'));
  const cache = mkdtempSync(join(dir, 'cache-'));
  const [from, to] = ['from.json', 'to.json'].map((name) => join(dir, name));
  const args = ['--from', from, '--to', to, '--json'];
  const figures: string[] = [];
  let converged: Run;

  beforeAll(() => {
    writeFileSync(from, JSON.stringify(BASE));
    writeFileSync(to, JSON.stringify({ ...BASE, cors: { allowOrigins: ['https://app.example.com'] } }));
  });

  afterAll(() => console.log(`plan:change interrupt suite, one region: ${figures.join('; ')}`));

  test.each(COLD_POINTS)('Ctrl-C during $name of a cold run: exit 130, one line; 5 s later no process and no folder of the run is left', async ({ at }) => {
    const run = await runCli(cache, args, at);
    figures.push(`stopped after ${run.seconds.toFixed(1)} s`);
    await expectStoppedClean(run, dir, cache);
  }, TERRAFORM_TIMEOUT_MS);

  test('the rerun after them converges and plans the change', async () => {
    converged = await runCli(cache, args);
    expect(converged.code).toBe(0);
    expect(JSON.parse(converged.stdout).priorState).toEqual({ rounds: expect.any(Number), cached: false });
    expect(answer(converged)).toEqual(expect.objectContaining({ outage: false, changes: expect.arrayContaining([expect.objectContaining({ type: 'aws_api_gateway_deployment' })]) }));
    figures.push(`rerun (converging) ${converged.seconds.toFixed(1)} s`);
  }, 2 * TERRAFORM_TIMEOUT_MS);

  test('a truncated cache entry (the prior state) and a foreign one (the provider schema) are reported, rebuilt and never used; '
    + 'the answer built from scratch is the rerun\'s', async () => {
    const [state] = readdirSync(cache).filter((name) => name.startsWith('state-'));
    const [schemas] = readdirSync(cache).filter((name) => name.endsWith('-schemas.json'));
    const text = readFileSync(join(cache, state), 'utf8');
    writeFileSync(join(cache, state), text.slice(0, text.length - 100));
    writeFileSync(join(cache, schemas), JSON.stringify({ cache: 'plan-change', kind: 'prior state', key: 'x', value: {} }));
    const rebuilt = await runCli(cache, args);
    expect(rebuilt.stderr.trim().split('\n').sort()).toEqual([ // init-... sorts before state-...
      `plan:change: cache entry ${schemas} holds no plan-change provider schema: not used, building it again`,
      expect.stringMatching(new RegExp(`^plan:change: cache entry ${state} is not whole JSON \\(\\d+ bytes; .*\\): not used, building it again$`)),
    ]);
    expect(answer(rebuilt)).toEqual(answer(converged));
    expect(JSON.parse(readFileSync(join(cache, state), 'utf8'))).toEqual(expect.objectContaining({ kind: 'prior state' }));
    expect(JSON.parse(readFileSync(join(cache, schemas), 'utf8'))).toEqual(expect.objectContaining({ kind: 'provider schema' }));
    figures.push(`damaged cache rebuilt ${rebuilt.seconds.toFixed(1)} s`);
  }, 2 * TERRAFORM_TIMEOUT_MS);

  test('Ctrl-C during the change plan of a warm run (its prior state cached): the same clean stop, and the rerun is a cached run '
    + 'with the same answer', async () => {
    await expectStoppedClean(await runCli(cache, args, providerIn('batch')), dir, cache);
    const rerun = await runCli(cache, args);
    expect(JSON.parse(rerun.stdout).priorState).toEqual({ rounds: 0, cached: true });
    expect(answer(rerun)).toEqual(answer(converged));
    figures.push(`rerun after a warm stop (cached) ${rerun.seconds.toFixed(1)} s`);
  }, TERRAFORM_TIMEOUT_MS);
});
