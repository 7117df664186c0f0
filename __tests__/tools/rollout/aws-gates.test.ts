import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { AwsCallError } from '../../../tools/aws/errors';
import { awsGateClients } from '../../../tools/rollout/aws-clients';
import { awsGateReader, AwsRegionGates } from '../../../tools/rollout/aws-gates';
import { systemClock } from '../../../tools/cli/clock';
import { ProgressFile } from '../../../tools/rollout/progress';
import { reportLines } from '../../../tools/rollout/report';
import { runRollout } from '../../../tools/rollout/rollout';
import { GateReader } from '../../../tools/rollout/target';
import { fakeRelease } from '../../helpers/rollout';
import { FakeAws } from './fake-aws';
import { FakeTarget, fakeProber } from './fake-target';

const gatesOf = (region: string): AwsRegionGates => ({
  names: { region, errorRateAlarm: `multi-region-api-error-rate-${region}`, requestCountAlarm: `multi-region-api-requests-${region}` },
  healthRouteCheckId: `hc-health-${region}`, servedRouteCheckId: `hc-served-${region}`, dnsCheckId: `hc-dns-${region}`,
});
const GATES = new Map(['us-west-2', 'us-east-1'].map((region) => [region, gatesOf(region)]));
const saved = { ...process.env };
let aws: FakeAws;
let endpoint: string;

beforeAll(() => {
  // Real SDK clients, signed with fake keys, answered by the fake on loopback; no profile or IMDS lookups.
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'fake', AWS_SECRET_ACCESS_KEY: 'fake', AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_CONFIG_FILE: join(tmpdir(), 'no-aws-config'), AWS_SHARED_CREDENTIALS_FILE: join(tmpdir(), 'no-aws-credentials'),
  });
});
afterAll(() => { process.env = saved; });
beforeEach(async () => {
  aws = new FakeAws();
  endpoint = await aws.start();
  for (const region of GATES.keys()) {
    aws.alarms.set(`multi-region-api-error-rate-${region}`, { state: 'OK' });
    aws.alarms.set(`multi-region-api-requests-${region}`, { state: 'ALARM', reason: 'busy enough to judge' });
    aws.dnsStatus.set(`hc-dns-${region}`, 1);
  }
  aws.counts.set('us-west-2', { requests: 240, failed: 3 });
});
afterEach(() => aws.stop());

const reader = (callTimeoutMs = 5000): GateReader => awsGateReader(GATES, awsGateClients(callTimeoutMs, endpoint), callTimeoutMs);

describe('AWS gates through the SDK', () => {
  test('quiet regions: no signal, the served route counts of each region, in DNS (the request-count ALARM means busy)', async () => {
    const readings = await reader().read(['us-west-2', 'us-east-1'], new Date(Date.now() - 60_000), new AbortController().signal);
    expect(readings).toEqual([
      { region: 'us-west-2', fired: [], requests: 240, failedRequests: 3, inDns: true },
      { region: 'us-east-1', fired: [], requests: 0, failedRequests: 0, inDns: true },
    ]);
  });

  test('each signal fires on its own line: the error-rate alarm, an unhealthy endpoint check, the DNS check', async () => {
    aws.alarms.set('multi-region-api-error-rate-us-west-2', { state: 'ALARM', reason: 'Threshold Crossed: 2 datapoints > 0.05' });
    aws.checks.set('hc-served-us-west-2', false);
    aws.dnsStatus.set('hc-dns-us-west-2', 0);
    const [west] = await reader().read(['us-west-2'], new Date(), new AbortController().signal);
    expect(west.fired).toEqual([
      'error-rate alarm multi-region-api-error-rate-us-west-2 is ALARM (Threshold Crossed: 2 datapoints > 0.05)',
      'Route 53 check hc-served-us-west-2 of the served route is unhealthy (0% of 8 checkers)',
      'DNS check hc-dns-us-west-2 is unhealthy: the latency records leave the region out',
    ]);
    expect(west.inDns).toBe(false);
  });

  test('CloudWatch hanging: the read fails within its call budget, naming the call', async () => {
    aws.behave = (operation) => (operation === 'DescribeAlarms' ? 'hang' : 'answer');
    const started = Date.now();
    const read = reader(600).read(['us-west-2'], new Date(), new AbortController().signal);
    await expect(read).rejects.toThrow(AwsCallError);
    await expect(read).rejects.toThrow('reading CloudWatch alarms in us-west-2: AWS did not answer within 0.6 s (3 attempts)');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('CloudWatch hanging during a bake: the gate fails, the rollback still runs, and the exit says what runs where', async () => {
    const previous = fakeRelease('previous', { 'us-west-2': 'west-1', 'us-east-1': 'east-1' });
    const next = fakeRelease('next', { 'us-west-2': 'west-2', 'us-east-1': 'east-2' });
    const target = new FakeTarget({ 'us-west-2': 'west-1', 'us-east-1': 'east-1' });
    target.gates = async () => reader(400);
    aws.behave = (operation, call) => (operation !== 'GetHealthCheckStatus' && call > 2 ? 'hang' : 'answer');
    const started = Date.now();
    const outcome = await runRollout({
      to: next, previous, waves: [['us-west-2'], ['us-east-1']], bakeSeconds: 5, minRequests: 1, pollSeconds: 0.2,
      probeTimeoutSeconds: 1, rollbackWaitSeconds: 1,
    }, {
      target, clock: systemClock, prober: fakeProber(), progress: new ProgressFile(mkdtempSync(join(tmpdir(), 'rollout-aws-'))),
      log: () => undefined, onInterrupt: () => () => undefined,
    });
    expect(Date.now() - started).toBeLessThan(15_000); // bake read 0.4 s + rollback wait 1 s + one read: seconds, never the hang
    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.fired?.signal).toMatch(/^gates unreadable: reading .* AWS did not answer within 0.4 s/);
    expect(target.applied.map((a) => [a.label, a.regions])).toEqual([['wave 1 (us-west-2)', ['us-west-2']], ['rollback', ['us-west-2']]]);
    expect(outcome.recovered).toMatchObject({ healthy: false, detail: expect.stringMatching(/^not confirmed within 1 s: gates unreadable: .*did not answer/) });
    const report = reportLines(outcome, next, previous, { waves: [['us-west-2'], ['us-east-1']], bakeSeconds: 5, minRequests: 1, stateDir: '/s' }).join('\n');
    expect(report).toMatch(/us-east-1\s+east-1\s+the previous release/);
    expect(report).toMatch(/us-west-2\s+west-1\s+the previous release/);
  });
});
