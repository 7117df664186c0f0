import { ChildProcess, spawn } from 'child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { priorStateEntry } from '../../../tools/plan-change/prior-states';
import { synthesizeConfig } from '../../../tools/plan-change/synth-config';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS } from '../../helpers/terraform';
import { descendantsOf, HAS_PROC, ProcessInfo, processesIn, stillRunning } from './processes';

// COST: after the day-2 scenarios the most expensive plan-change suite, kept to what its claims need: a ONE-region
// stack without hostnames, ONE convergence (the rerun after the Ctrl-Cs, which is also the run that rebuilds the
// damaged cache entries planted before it), four runs cut short (plus 5 s of waiting after each) and one cached run.
// Measured alone while other engineers' suites kept the 2 cores busy (load 5-8): 131 s wall, 112 CPU-s, of which the
// convergence 64 s wall and the cached run 20 s. It prints how long each run took. Linux only: it reads /proc to see
// which processes a run left.

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

/** Every cache entry is whole: an init folder with its lock file and providers, or a JSON entry plan:change wrote. */
function expectOnlyWholeEntries(cache: string): void {
  for (const name of readdirSync(cache)) {
    if (name.startsWith('init-') && !name.endsWith('.json')) {
      expect({ name, whole: existsSync(join(cache, name, '.terraform.lock.hcl')) && existsSync(join(cache, name, '.terraform')) })
        .toEqual({ name, whole: true });
    } else {
      expect({ name, cache: (JSON.parse(readFileSync(join(cache, name), 'utf8')) as { cache?: unknown }).cache }).toEqual({ name, cache: 'plan-change' });
    }
  }
}

/** A run stopped: exit 130 and one line; 5 s later no process of the run is left, no folder of it, only whole entries. */
async function expectStoppedClean(run: Run, dir: string, cache: string): Promise<void> {
  expect([run.code, run.stdout, run.stderr.trim().split('\n')]).toEqual([130, '', [expect.stringMatching(
    /^plan:change: stopped by SIGINT: ended \d+ process group\(s\) \(Terraform, providers, synth\) and removed \d+ folder\(s\) of this run; the cache holds only whole entries$/,
  )]]);
  await sleep(5000);
  expect(stillRunning(run.seen).map((p) => p.args.join(' '))).toEqual([]);
  expect(processesIn(dir).map((p) => p.args.join(' '))).toEqual([]);
  expect(stray(cache)).toEqual([]);
  expectOnlyWholeEntries(cache);
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
  let rerun: Run;

  beforeAll(() => {
    writeFileSync(from, JSON.stringify(BASE));
    writeFileSync(to, JSON.stringify({ ...BASE, cors: { allowOrigins: ['https://app.example.com'] } }));
  });

  afterAll(() => console.log(`plan:change interrupt suite, one region: ${figures.join('; ')}`));

  test.each(COLD_POINTS)('Ctrl-C during $name of a cold run: exit 130, one line; 5 s later no process and no folder of the run is '
    + 'left, and the cache holds only whole entries', async ({ at }) => {
    const run = await runCli(cache, args, at);
    figures.push(`stopped after ${run.seconds.toFixed(1)} s`);
    await expectStoppedClean(run, dir, cache);
  }, TERRAFORM_TIMEOUT_MS);

  test('the rerun after them: a truncated prior-state entry and a foreign provider-schema entry planted in the cache are '
    + 'reported in one line each and rebuilt, nothing else is noticed, and the change is planned from scratch', async () => {
    const [init] = readdirSync(cache).filter((name) => name.startsWith('init-') && !name.endsWith('.json'));
    const stack = await synthesizeConfig(from, mkdtempSync(join(dir, 'synth-')), { label: 'from' });
    const state = priorStateEntry(cache, join(cache, init), stack).file;
    const schemas = join(cache, `${init}-schemas.json`);
    writeFileSync(state, '{"cache":"plan-change","kind":"prior state","key":"k","value":{"version":4,"terraform_version":"1.1');
    writeFileSync(schemas, JSON.stringify({ cache: 'plan-change', kind: 'prior state', key: 'k', value: {} }));
    rerun = await runCli(cache, args);
    expect(rerun.stderr.trim().split('\n').sort()).toEqual([ // init-... sorts before state-...
      `plan:change: cache entry ${init}-schemas.json holds no plan-change provider schema: not used, building it again`,
      expect.stringMatching(/^plan:change: cache entry state-\w+\.json is not whole JSON \(\d+ bytes; .*\): not used, building it again$/),
    ]);
    const json = JSON.parse(rerun.stdout) as { priorState: unknown; outage: boolean; changes: Array<{ type: string; kind: string }> };
    expect([rerun.code, json.priorState, json.outage]).toEqual([0, { rounds: expect.any(Number), cached: false }, false]);
    expect(json.changes.filter((c) => c.type === 'aws_api_gateway_deployment').map((c) => c.kind)).toEqual(['replace-create-before-destroy']);
    for (const [file, kind] of [[state, 'prior state'], [schemas, 'provider schema']]) {
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(expect.objectContaining({ cache: 'plan-change', kind }));
    }
    figures.push(`rerun, rebuilding the damaged entries (converging) ${rerun.seconds.toFixed(1)} s`);
  }, 2 * TERRAFORM_TIMEOUT_MS);

  test('Ctrl-C during the change plan of a warm run (its prior state cached): the same clean stop; the rerun is a cached run '
    + 'with the same answer', async () => {
    await expectStoppedClean(await runCli(cache, args, providerIn('batch')), dir, cache);
    const cached = await runCli(cache, args);
    expect([cached.stderr, JSON.parse(cached.stdout).priorState]).toEqual(['', { rounds: 0, cached: true }]);
    expect(answer(cached)).toEqual(answer(rerun));
    figures.push(`rerun after a warm stop (cached) ${cached.seconds.toFixed(1)} s`);
  }, TERRAFORM_TIMEOUT_MS);
});
