import { ChildProcessWithoutNullStreams, spawn, spawnSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { Server, createServer } from 'http';
import { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { synthForLocalRun } from '../../helpers/local-stack';

const CLI = join(projectRoot(), 'dist', 'tools', 'local', 'cli.js');
jest.setTimeout(60_000);

function cli(args: string[], cwd = projectRoot()) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, CDKTF_OUTDIR: '' } });
}

function expectOneLine(run: { status: number | null; stderr: string }, message: RegExp, status = 1) {
  expect(run.status).toBe(status);
  expect(run.stderr).toMatch(message);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

test('no cdktf.out: one line saying to synth first', () => {
  expectOneLine(cli([], mkdtempSync(join(tmpdir(), 'mr-api-no-synth-'))),
    /^npm run local: cdktf\.out\/stacks\/multi-region-api\/cdk\.tf\.json not found: run `npm run synth` first$/m);
});

test('a bad option value or an unknown flag: one line naming it, exit 2; --help: the usage, exit 0', () => {
  expectOneLine(cli(['--time-scale', 'fast']), /^npm run local: --time-scale: "fast" is not a number from 1 to 10000 \(see --help\)$/m, 2);
  expectOneLine(cli(['--frobnicate']), /^npm run local: Unknown option '--frobnicate' \(see --help\)$/m, 2);
  const help = cli(['--help']);
  expect({ status: help.status, stdout: help.stdout }).toEqual({ status: 0, stdout: expect.stringContaining('npm run local -- flip <region> fail|ok') });
});

describe('with a synthesized stack', () => {
  const stackDir = synthForLocalRun();

  test('a busy port: one line naming it', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      // The first region binds first (base port + 2): blocking that port keeps the test from racing other tests for
      // the ports after it.
      expectOneLine(cli(['--stack-dir', stackDir, '--port', String(port - 2)]),
        new RegExp(`^npm run local: port ${port} \\(API in us-east-1\\) is already in use`, 'm'));
    } finally {
      blocker.close();
    }
  });

  test('an unknown latency-order region: one line naming the known ones', () => {
    expectOneLine(cli(['--stack-dir', stackDir, '--latency-order', 'mars-1']),
      /^npm run local: --latency-order: unknown region "mars-1"; known: us-east-1, us-west-2$/m);
  });

  describe('a running local system', () => {
    let child: ChildProcessWithoutNullStreams;
    let stdout = '';
    let port: string;

    beforeAll(async () => {
      // 1/20: a flip is detected within a second, with a fifth of the probe traffic of 1/100 (32 checkers in all).
      child = spawn(process.execPath, [CLI, '--stack-dir', stackDir, '--port', '0', '--time-scale', '20']);
      child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
      const started = Date.now();
      while (!stdout.includes('Ctrl-C stops.')) {
        if (Date.now() - started > 20_000) throw new Error(`no banner: ${stdout}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      port = /--port (\d+)/.exec(stdout)![1];
    });
    afterAll(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });

    test('prints every URL and the model failover time', () => {
      expect(stdout).toMatch(/us-east-1 +http:\/\/127\.0\.0\.1:\d+\/prod\/helloworld {2}http:\/\/127\.0\.0\.1:\d+\/v1\/helloworld/);
      expect(stdout).toMatch(/global +http:\/\/127\.0\.0\.1:\d+\/v1\/helloworld +latency order: us-east-1, us-west-2/);
      expect(stdout).toMatch(/browser client +http:\/\/127\.0\.0\.1:\d+\//);
      expect(stdout).toMatch(/model failover: interval x threshold \+ TTL 60 s = 4 s at this scale/);
      expect(stdout).toMatch(/model error path: period x evaluation periods \+ metric reaction 60 s \+ TTL 60 s = 12 s at this scale/);
      expect(stdout).toMatch(/health check us-east-1: GET \/v1\/helloworld for "Hello from" every 0\.5 s from 8 checkers, unhealthy after 2 failures/);
    });

    test('flip an unknown region: one line naming the known ones', () => {
      expectOneLine(cli(['flip', 'eu-west-9', 'fail', '--port', port]),
        /^npm run local: unknown region "eu-west-9"; known: us-east-1, us-west-2$/m);
    });

    test('flip a region: the running system logs the change and the health transition', async () => {
      const run = cli(['flip', 'us-west-2', 'fail', '--port', port]);
      expect(run.status).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ region: 'us-west-2', status: 'fail' });
      const started = Date.now();
      while (!/us-west-2: health check UNHEALTHY/.test(stdout) && Date.now() - started < 10_000) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(stdout).toMatch(/us-west-2: STATUS=fail set on its health function/);
      expect(stdout).toMatch(/us-west-2: health check UNHEALTHY after 2 consecutive failures at [78] of 8 checkers \(last: HTTP 503\)/);
    });

    test('fault a region: hello-errors at a rate is set and logged (the report has the new fields), then cleared', async () => {
      const set = cli(['fault', 'us-west-2', 'hello-errors', '0.25', '--port', port]);
      expect(set.status).toBe(0);
      const report = JSON.parse(set.stdout);
      expect(report).toMatchObject({ region: 'us-west-2', fault: 'hello-errors', faultRate: 0.25, inDns: expect.any(Boolean) });
      expect(Object.keys(report)).toEqual(expect.arrayContaining(['errorRate', 'requests', 'alarm']));
      const started = Date.now();
      while (!/us-west-2: fault hello-errors/.test(stdout) && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(stdout).toMatch(/us-west-2: fault hello-errors: its hello function throws on 25% of invocations \(API Gateway answers 502\)/);
      const cleared = cli(['fault', 'us-west-2', 'none', '--port', port]);
      expect(JSON.parse(cleared.stdout)).toMatchObject({ region: 'us-west-2', fault: 'none' });
      expect(JSON.parse(cleared.stdout).faultRate).toBeUndefined();
    });

    test('Ctrl-C stops cleanly', async () => {
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(stdout.trim().split('\n').pop()).toBe('stopped');
    });
  });
});

test('flip with nothing running: one line saying to start it', async () => {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  expectOneLine(cli(['flip', 'us-east-1', 'fail', '--port', String(port)]),
    new RegExp(`^npm run local: nothing answers on 127\\.0\\.0\\.1:${port}: start \`npm run local\` first`, 'm'));
});
