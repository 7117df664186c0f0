import { ChildProcess, spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { readRelease, regionId } from '../../../tools/rollout/release';
import { releasePair } from '../../helpers/rollout';
import { FakeLocalRun } from './fake-local-run';

const CLI = join(projectRoot(), 'dist', 'tools', 'rollout', 'cli.js');
const dirs = releasePair();
const previous = readRelease(dirs.previous, '--previous');
const next = readRelease(dirs.next, '--to');
const ON_PREVIOUS = { 'us-east-1': regionId(previous, 'us-east-1'), 'us-west-2': regionId(previous, 'us-west-2') };
const WEST_NEXT = regionId(next, 'us-west-2');

// No credentials and an unreachable AWS: a passing test proves no AWS call was made.
const ENV = { PATH: process.env.PATH, AWS_ENDPOINT_URL: 'http://127.0.0.1:9', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'no-such-profile' };

function rollout(args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: ENV });
}

const releases = ['--to', dirs.next, '--previous', dirs.previous];
const stateDir = () => ['--state-dir', mkdtempSync(join(tmpdir(), 'rollout-cli-'))];

describe('npm run rollout: arguments', () => {
  test('--help prints the options and exits 0', () => {
    const result = rollout(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--min-requests <n>');
  });

  // Every flag's checks run in-process (args.test.ts, waves.test.ts); here, that each kind of mistake exits 2 in one line.
  test.each([
    [['--waves', 'us-west-2', '--bake', 'soon'], 'npm run rollout: --bake: "soon" is not a number from 0 to 86400 (see --help)'],
    [['--waves', 'us-west-2,us-east-1,eu-west-3', ...releases], '--waves: "eu-west-3" is not a region of the release; its regions: us-east-1, us-west-2'],
    [['--waves', 'us-west-2,us-east-1', '--to', dirs.next, ...stateDir()], '--previous: no release saved by an earlier rollout in'],
  ])('%j: exit 2 with one line', (args, message) => {
    const result = rollout(args);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
    expect(result.status).toBe(2);
  });

  // What the planner plans (real provider): __tests__/tools/rollout/wave-plans.test.ts. Here, that the CLI reaches it.
  test('--dry-run goes to the offline wave planner (plan:change\'s, with Terraform): without Terraform, one line and exit 1', () => {
    const result = spawnSync(process.execPath, [CLI, '--waves', 'us-west-2,us-east-1', '--dry-run', ...releases, ...stateDir()],
      { encoding: 'utf8', env: { ...ENV, TERRAFORM_BINARY: '/no/such/terraform' } });
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining('rollout: --dry-run: Terraform not found (tried "/no/such/terraform")')]);
    expect(result.status).toBe(1);
  });
});

describe('npm run rollout against the local run', () => {
  let local: FakeLocalRun;
  const running = new Set<ChildProcess>();
  afterEach(async () => {
    running.forEach((child) => child.kill('SIGKILL')); // only after a failed test: a passing one saw its rollout exit
    await local.stop();
  });

  function start(args: string[]) {
    const child = spawn(process.execPath, [CLI, '--local', local.url, ...releases, ...args], { env: ENV });
    running.add(child);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      child.on('exit', (code) => { running.delete(child); resolve({ code, stdout, stderr }); });
    });
    return { child, done };
  }

  test('waves applied through the release route, baked in model time, saved as the next --previous: exit 0', async () => {
    local = new FakeLocalRun(ON_PREVIOUS, 100);
    await local.start();
    const state = stateDir();
    const { done } = start(['--waves', 'us-west-2,us-east-1', '--bake', '20', '--poll', '5', '--min-requests', '3', '--json', ...state]);
    const result = await done;
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'rolled-out', exitCode: 0, whereNow: { 'us-west-2': WEST_NEXT } });
    // us-east-1's id is the same in both releases: its wave has nothing to apply or bake.
    expect(local.posts.map((p) => p.region)).toEqual(['us-west-2']);
    expect(result.stderr).toContain('wave 2 (us-east-1): already on release');
    expect(readRelease(join(state[1], 'last-release'), 'x').key).toBe(next.key);
  });

  test('SIGTERM during a bake: exit 130, every region on one whole release, the commands to resume or roll back', async () => {
    local = new FakeLocalRun(ON_PREVIOUS, 10);
    await local.start();
    const { child, done } = start(['--waves', 'us-west-2,us-east-1', '--bake', '600', '--poll', '5', ...stateDir()]);
    for (let waited = 0; local.regions.get('us-west-2')!.release !== WEST_NEXT; waited += 50) {
      if (waited > 20_000) throw new Error('wave 1 was never applied');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGTERM');
    const result = await done;
    expect(result.code).toBe(130);
    expect(result.stdout).toContain('SIGTERM: stopping once every region runs one whole release');
    expect(result.stderr).toContain('rollout interrupted (exit 130)');
    expect(result.stderr).toMatch(/us-west-2\s+[0-9a-f]{16}\s+the new release/);
    expect(result.stderr).toContain(`resume:    npm run rollout -- --to ${dirs.next} --previous ${dirs.previous} --waves us-west-2,us-east-1`);
    expect(result.stderr).toContain(`roll back: npm run rollout -- --to ${dirs.previous} --previous ${dirs.next} --waves us-west-2,us-east-1`);
    expect(local.regions.get('us-west-2')!.releasesServed).toEqual([ON_PREVIOUS['us-west-2'], WEST_NEXT]);
    expect(local.posts.map((p) => p.region)).toEqual(['us-west-2']);
  });

  test('a release whose served route fails: rolled back, exit 1, the report names the signal and the failed requests', async () => {
    local = new FakeLocalRun(ON_PREVIOUS, 100);
    local.broken.add(WEST_NEXT);
    await local.start();
    const result = await start(['--waves', 'us-west-2,us-east-1', '--bake', '20', '--poll', '5', '--min-requests', '3', ...stateDir()]).done;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('rollout gate failed: rolled back (exit 1)');
    expect(result.stderr).toMatch(/signal: us-west-2: /);
    expect(result.stderr).toMatch(/us-west-2 ran the new release for \d+ model s \(time scale 100\), then rolled back/);
    expect(local.regions.get('us-west-2')!.releasesServed).toEqual([ON_PREVIOUS['us-west-2'], WEST_NEXT, ON_PREVIOUS['us-west-2']]);
  });
});
