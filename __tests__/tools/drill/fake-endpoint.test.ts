import { ChildProcess, spawn } from 'child_process';
import { createSocket } from 'dgram';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { outputsJson } from '../../helpers/drill';
import { FakeAws, Operation } from './fake-aws';

// The built CLI, with real SDK clients, against a fake AWS on loopback: what Ctrl-C and --timeout do when AWS hangs.
const CLI = join(projectRoot(), 'dist', 'tools', 'drill', 'cli.js');
const ORIGINAL_ENV = { STATUS: 'ok', ALLOWED_ORIGINS: "https://app.example.com,it's" };
const outputs = join(mkdtempSync(join(tmpdir(), 'drill-fake-')), 'outputs.json');
writeFileSync(outputs, outputsJson());

interface Run {
  readonly child: ChildProcess;
  readonly done: Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }>;
}

const running = new Set<ChildProcess>();

function drill(endpoint: string, args: string[]): Run {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH, AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake',
    AWS_CONFIG_FILE: join(tmpdir(), 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'no-aws-credentials'),
  };
  // Port 9 on loopback has no DNS server: lookups are refused at once and the drill skips its DNS phase.
  const child = spawn(process.execPath, [CLI, '--region', 'us-east-1', '--outputs', outputs, '--dns-server', '127.0.0.1:9', ...args], { env });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }>((resolve) => {
    // Timed from the drill's first AWS call: how long Node takes to start on a busy machine is not the drill's to bound.
    child.on('exit', (code) => running.delete(child) && resolve({ code, stdout, stderr, seconds: (Date.now() - (aws.firstCallAt ?? Date.now())) / 1000 }));
  });
  return { child, done };
}

/** Resolves once `condition` holds, checking every 50 ms for at most `ms`. */
async function until(condition: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited >= ms) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let aws: FakeAws;
let endpoint: string;
beforeEach(async () => {
  aws = new FakeAws(ORIGINAL_ENV);
  endpoint = await aws.start();
});
afterEach(async () => {
  running.forEach((child) => child.kill('SIGKILL')); // only after a failed test: a passing one saw its drill exit
  await aws.stop();
});

/** Route 53 answers the preflight, then never again: the drill is waiting on it with STATUS=fail written. */
const route53HangsAfterPreflight = (operation: string, call: number) => (operation === 'GetHealthCheckStatus' && call > 1 ? 'hang' : 'answer');

describe('the drill against a fake AWS endpoint', () => {
  test('a whole drill: fails the region, sees the check go unhealthy, restores, sees it recover', async () => {
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '20']).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('health check unhealthy');
    expect(result.stdout).toContain('drill complete');
    expect(aws.calls.UpdateFunctionConfiguration).toBe(2);
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test('Route 53 hangs after STATUS=fail: --timeout ends the hanging call, STATUS is restored, exit 1', async () => {
    aws.behave = route53HangsAfterPreflight;
    const result = await drill(endpoint, ['--timeout', '3', '--call-timeout', '30', '--poll', '0.1']).done;
    expect(result.stderr.trim()).toBe('drill: gave up after --timeout 3 s');
    expect(result.code).toBe(1);
    expect(result.seconds).toBeLessThan(3 + 5);
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s while Route 53 hangs: STATUS is restored, then exit 130', async (signal) => {
    aws.behave = route53HangsAfterPreflight;
    const run = drill(endpoint, ['--timeout', '600', '--call-timeout', '60', '--poll', '0.1']);
    await until(() => aws.calls.GetHealthCheckStatus >= 2, 15_000);
    expect(aws.env.STATUS).toBe('fail');
    const sent = Date.now();
    run.child.kill(signal);
    const result = await run.done;
    expect(result.stderr.trim()).toBe(`drill interrupted by ${signal}; STATUS restored`);
    expect(result.code).toBe(130);
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test('the restore meets a reset connection and a 500: it retries and restores', async () => {
    aws.behave = (operation, call) => {
      if (operation === 'UpdateFunctionConfiguration') return call === 2 ? 'reset' : call === 3 ? '500' : 'answer';
      return route53HangsAfterPreflight(operation, call);
    };
    const result = await drill(endpoint, ['--timeout', '2', '--call-timeout', '10', '--poll', '0.1']).done;
    expect(result.code).toBe(1);
    expect(aws.calls.UpdateFunctionConfiguration).toBe(4);
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test('Route 53 answers 500 every time: bounded retries, then STATUS is restored, exit 1', async () => {
    aws.behave = (operation, call) => (operation === 'GetHealthCheckStatus' && call > 1 ? '500' : 'answer');
    const result = await drill(endpoint, ['--timeout', '60', '--call-timeout', '10', '--poll', '0.1']).done;
    expect(result.stderr).toMatch(/^drill: reading the status of health check hc-us-east-1 failed: InternalFailure/);
    expect(result.code).toBe(1);
    expect(aws.calls.GetHealthCheckStatus).toBe(1 + 3);
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test('the restore hangs too: exit 3 within --timeout plus the restore budget, with the command to restore by hand', async () => {
    aws.behave = (operation, call) => {
      if (operation === 'UpdateFunctionConfiguration' && call > 1) return 'hang';
      return route53HangsAfterPreflight(operation, call);
    };
    // --timeout leaves the hanging status read time to hit its 1 s call timeout first, however slow the machine.
    const result = await drill(endpoint, ['--timeout', '5', '--call-timeout', '1', '--poll', '0.1']).done;
    expect(result.code).toBe(3);
    expect(result.seconds).toBeLessThan(5 + 4 * 1 + 4);
    expect(result.stderr).toContain('RESTORE FAILED: STATUS on multi-region-api-health-check in us-east-1 may still be "fail"');
    expect(result.stderr).toContain(`aws lambda update-function-configuration --region us-east-1 --function-name multi-region-api-health-check --environment '{"Variables":{"STATUS":"ok","ALLOWED_ORIGINS":"https://app.example.com,it'\\''s"}}'`);
    expect(result.stderr).toContain('The drill had stopped because: reading the status of health check hc-us-east-1: AWS did not answer within 1 s');
    expect(result.stderr).not.toContain('WARN');
    expect(aws.env.STATUS).toBe('fail');
  });
});

/** `behave` for a whole drill in which every Lambda write after the first (STATUS=fail) meets `behaviour`. */
const restoreWrites = (behaviour: 'apply-then-500') => (operation: Operation, call: number) => (
  operation === 'UpdateFunctionConfiguration' && call > 1 ? behaviour : 'answer');

describe('the restore changes only STATUS, and only where the drill changed it', () => {
  test('the environment changes during the drill: the change survives the restore, the drill says so, STATUS is back', async () => {
    aws.behave = (operation, call) => {
      // The first status read after STATUS=fail: someone else updates the function (STATUS still fail).
      if (operation === 'GetHealthCheckStatus' && call === 2) {
        aws.updateByOthers({ ...aws.env, ALLOWED_ORIGINS: 'https://new.example.com', FEATURE: 'on' });
      }
      return 'answer';
    };
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '20']).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(aws.env).toEqual({ STATUS: 'ok', ALLOWED_ORIGINS: 'https://new.example.com', FEATURE: 'on' });
    expect(result.stdout.split('\n').filter((line) => line.includes('changed during the drill'))).toEqual([
      '  note: multi-region-api-health-check changed during the drill, not by it (variable FEATURE added; variable ALLOWED_ORIGINS changed): kept, only STATUS set back',
    ]);
  });

  test('a change lands between the restore\'s read and its write: Lambda refuses the old RevisionId, the drill reads again', async () => {
    aws.behave = (operation, call) => {
      if (operation === 'UpdateFunctionConfiguration' && call === 2) aws.updateByOthers({ ...aws.env, FEATURE: 'on' });
      return 'answer';
    };
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '20']).done;
    expect(result.code).toBe(0);
    expect(aws.calls.UpdateFunctionConfiguration).toBe(3);
    expect(aws.env).toEqual({ ...ORIGINAL_ENV, FEATURE: 'on' });
    expect(result.stdout).toContain('(variable FEATURE added): kept, only STATUS set back');
  });

  test('every Lambda write is throttled: STATUS=fail never landed, so exit 1 with the reason, not RESTORE FAILED', async () => {
    aws.behave = (operation) => (operation === 'UpdateFunctionConfiguration' ? '429' : 'answer');
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '60', '--call-timeout', '5']).done;
    expect(result.stderr.trim().split('\n')).toEqual([
      'drill: setting STATUS=fail on multi-region-api-health-check failed: TooManyRequestsException: fake TooManyRequestsException',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('STATUS on multi-region-api-health-check is ok already: nothing to restore');
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });

  test('the restore write lands but its answer is a 500: read back, restored, no change reported, exit 0', async () => {
    aws.behave = restoreWrites('apply-then-500');
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '20', '--call-timeout', '10']).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('changed during the drill');
    expect(aws.env).toEqual(ORIGINAL_ENV);
  });
});

describe('a --dns-server that does not answer is named, with what happened', () => {
  test('refused: one line naming the server, not "latency routing picks a nearer region"', async () => {
    const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '20']).done;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain('latency routing');
    expect(result.stdout.split('\n').filter((line) => line.includes('127.0.0.1:9'))).toEqual([
      'note: DNS server 127.0.0.1:9 did not answer for api.example.com (connection refused): the DNS phase is skipped',
    ]);
  });

  test('timed out: a server that reads the query and never answers', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    const server = `127.0.0.1:${silent.address().port}`;
    try {
      // The resolver waits half a call timeout, twice; each AWS call attempt gets a third of it (1 s).
      const result = await drill(endpoint, ['--poll', '0.1', '--timeout', '30', '--call-timeout', '3', '--dns-server', server]).done;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain(`note: DNS server ${server} did not answer for api.example.com (timed out): the DNS phase is skipped`);
    } finally {
      silent.close();
    }
  });
});
