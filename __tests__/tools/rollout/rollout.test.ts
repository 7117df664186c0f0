import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProgressFile } from '../../../tools/rollout/progress';
import { reportLines } from '../../../tools/rollout/report';
import { RolloutDeps, RolloutPlan, runRollout } from '../../../tools/rollout/rollout';
import { FakeClock } from '../../helpers/clock';
import { fakeRelease } from '../../helpers/rollout';
import { FakeTarget, fakeProber } from './fake-target';

const previous = fakeRelease('previous', { 'us-east-1': 'east-1', 'us-west-2': 'west-1', 'eu-west-1': 'eu-1' });
const next = fakeRelease('next', { 'us-east-1': 'east-2', 'us-west-2': 'west-2', 'eu-west-1': 'eu-2' });
const ALL_PREVIOUS = { 'us-east-1': 'east-1', 'us-west-2': 'west-1', 'eu-west-1': 'eu-1' };
const WAVES = [['us-west-2'], ['eu-west-1', 'us-east-1']];

const PLAN: RolloutPlan = {
  to: next, previous, waves: WAVES, bakeSeconds: 300, minRequests: 20, pollSeconds: 15, probeTimeoutSeconds: 5, rollbackWaitSeconds: 480,
};

function deps(target: FakeTarget, options: { clock?: FakeClock; interrupt?: { fire?: (signal: string) => void }; stateDir?: string; prober?: ReturnType<typeof fakeProber> } = {}) {
  const lines: string[] = [];
  const value: RolloutDeps = {
    target,
    clock: options.clock ?? new FakeClock(),
    prober: options.prober ?? fakeProber(),
    progress: new ProgressFile(options.stateDir ?? mkdtempSync(join(tmpdir(), 'rollout-progress-'))),
    log: (line) => lines.push(line),
    onInterrupt: (handler) => {
      if (options.interrupt) options.interrupt.fire = handler;
      return () => { if (options.interrupt) options.interrupt.fire = undefined; };
    },
  };
  return { value, lines };
}

const flags = { waves: WAVES, bakeSeconds: 300, minRequests: 20, stateDir: '/state' };

describe('runRollout', () => {
  test('every wave applied to its regions only, baked, then the final step: rolled out', async () => {
    const target = new FakeTarget(ALL_PREVIOUS);
    const outcome = await runRollout(PLAN, deps(target).value);
    expect(outcome.kind).toBe('rolled-out');
    expect(target.applied).toEqual([
      { label: 'wave 1 (us-west-2)', release: next.key, from: previous.key, regions: ['us-west-2'] },
      { label: 'wave 2 (eu-west-1, us-east-1)', release: next.key, from: previous.key, regions: ['eu-west-1', 'us-east-1'] },
    ]);
    expect(target.finished).toBe(1);
    expect(outcome.whereNow).toEqual({ 'us-west-2': 'west-2', 'eu-west-1': 'eu-2', 'us-east-1': 'east-2' });
    expect(outcome.waves.map((w) => [w.regions, w.passed, w.bakedSeconds])).toEqual([[['us-west-2'], true, 300], [['eu-west-1', 'us-east-1'], true, 300]]);
    expect(outcome.ranNewRelease).toEqual({ 'us-west-2': 600, 'eu-west-1': 300, 'us-east-1': 300 });
  });

  test('a gate failing in wave 2 rolls back every region changed so far in one apply, and waits until they recover', async () => {
    const target = new FakeTarget(ALL_PREVIOUS);
    target.fired = (region, id) => (region === 'us-east-1' && id === 'east-2' ? ['error-rate alarm multi-region-api-error-rate-us-east-1 is ALARM'] : []);
    const { value, lines } = deps(target);
    const outcome = await runRollout(PLAN, value);
    expect(outcome.kind).toBe('rolled-back');
    expect(target.applied.at(-1)).toEqual({ label: 'rollback', release: previous.key, from: next.key, regions: ['eu-west-1', 'us-east-1', 'us-west-2'] });
    expect(target.applied).toHaveLength(3);
    expect(target.finished).toBe(0);
    expect(outcome.fired).toEqual({ region: 'us-east-1', signal: 'error-rate alarm multi-region-api-error-rate-us-east-1 is ALARM' });
    expect(outcome.whereNow).toEqual(ALL_PREVIOUS);
    expect(outcome.ranNewRelease).toEqual({ 'us-west-2': 300, 'eu-west-1': 0, 'us-east-1': 0 });
    expect(outcome.recovered).toEqual({ healthy: true, detail: 'healthy and in DNS again 0 s after the rollback' });
    expect(lines).toContain('rollback: applying release ' + previous.key + ' to eu-west-1, us-east-1, us-west-2 in one apply');
  });

  test("after a rollback, a clean reading inside the error-rate alarm's window is not recovery: the alarm may still judge the bad minutes", async () => {
    const clock = new FakeClock();
    const target = new FakeTarget(ALL_PREVIOUS);
    let rolledBackAt: number | undefined;
    target.onApply = (step) => { if (step.label === 'rollback') rolledBackAt = clock.time; };
    // The bad release fails its wave at once; back on the previous release, us-west-2 reads clean, then its alarm
    // fires on the minutes the bad release served (60-120 s after the rollback), then clears.
    target.fired = (region, id) => {
      if (id === 'west-2') return ['error-rate alarm multi-region-api-error-rate-us-west-2 is ALARM'];
      const since = rolledBackAt === undefined ? -1 : clock.time - rolledBackAt;
      return region === 'us-west-2' && since >= 60_000 && since < 120_000 ? ['error-rate alarm multi-region-api-error-rate-us-west-2 is ALARM'] : [];
    };
    const outcome = await runRollout({ ...PLAN, rollbackSettleSeconds: 180 }, deps(target, { clock }).value);
    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.recovered).toEqual({
      healthy: true, detail: "healthy and in DNS again 180 s after the rollback (read clean no earlier than 180 s after it, the error-rate alarm's window)",
    });
  });

  test('failed synthetic requests fail the gate; the report names the signal, the counts and how long the region ran it', async () => {
    const target = new FakeTarget(ALL_PREVIOUS);
    const prober = fakeProber((region) => region === 'us-west-2');
    const outcome = await runRollout(PLAN, deps(target, { prober }).value);
    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.counts).toEqual({ 'us-west-2': { requests: 2, failed: 2 } });
    const report = reportLines(outcome, next, previous, flags).join('\n');
    expect(report).toContain('rollout gate failed: rolled back (exit 1)');
    expect(report).toContain('signal: us-west-2: 2 of 2 requests failed, more than 5%; last: HTTP 502');
    expect(report).toContain('failed requests seen in us-west-2: 2 of 2');
    expect(report).toContain('us-west-2 ran the new release for 15 s, then rolled back');
    expect(report).toMatch(/us-west-2\s+west-1\s+the previous release \(\/releases\/previous\)/);
  });

  test('SIGTERM during a bake: exit as interrupted with no rollback, every region on one whole release, commands printed', async () => {
    const interrupt: { fire?: (signal: string) => void } = {};
    const clock = new FakeClock((count) => { if (count === 3) interrupt.fire?.('SIGTERM'); });
    const target = new FakeTarget(ALL_PREVIOUS);
    const stateDir = mkdtempSync(join(tmpdir(), 'rollout-progress-'));
    const outcome = await runRollout(PLAN, deps(target, { clock, interrupt, stateDir }).value);
    expect(outcome.kind).toBe('interrupted');
    expect(target.applied.map((a) => a.label)).toEqual(['wave 1 (us-west-2)']);
    expect(outcome.whereNow).toEqual({ 'us-west-2': 'west-2', 'eu-west-1': 'eu-1', 'us-east-1': 'east-1' });
    const report = reportLines(outcome, next, previous, flags);
    expect(report).toContain(`resume:    npm run rollout -- --to /releases/next --previous /releases/previous --waves us-west-2,eu-west-1/us-east-1 --bake 300 --min-requests 20 --state-dir /state`);
    expect(report).toContain(`roll back: npm run rollout -- --to /releases/previous --previous /releases/next --waves us-west-2,eu-west-1/us-east-1 --bake 300 --min-requests 20 --state-dir /state`);

    // The resume: wave 1 already runs the release but its bake never passed, so it is baked again, not applied again.
    const resumed = await runRollout(PLAN, deps(target, { stateDir }).value);
    expect(resumed.kind).toBe('rolled-out');
    expect(target.applied.map((a) => a.label)).toEqual(['wave 1 (us-west-2)', 'wave 2 (eu-west-1, us-east-1)']);
    expect(resumed.waves[0]).toMatchObject({ regions: ['us-west-2'], skipped: false, passed: true });

    // A third run finds everything on the release and baked: every wave skipped, only the final step runs.
    const again = await runRollout(PLAN, deps(target, { stateDir }).value);
    expect(again.waves.map((w) => w.skipped)).toEqual([true, true]);
    expect(target.finished).toBe(2);
  });

  test('SIGINT during an apply: the apply finishes (never a half-applied wave), then the rollout stops', async () => {
    const interrupt: { fire?: (signal: string) => void } = {};
    const target = new FakeTarget(ALL_PREVIOUS);
    target.onApply = (step) => { if (step.label.startsWith('wave 2')) interrupt.fire?.('SIGINT'); };
    const { value, lines } = deps(target, { interrupt });
    const outcome = await runRollout(PLAN, value);
    expect(outcome.kind).toBe('interrupted');
    expect(outcome.whereNow).toEqual({ 'us-west-2': 'west-2', 'eu-west-1': 'eu-2', 'us-east-1': 'east-2' });
    expect(lines).toContain('SIGINT: stopping once every region runs one whole release');
  });

  test('an apply that fails part way is rolled back with every region changed so far', async () => {
    const target = new FakeTarget(ALL_PREVIOUS);
    target.failApply = (step) => step.label.startsWith('wave 2');
    const outcome = await runRollout(PLAN, deps(target).value);
    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.fired?.signal).toMatch(/^apply failed: wave 2 \(eu-west-1, us-east-1\): terraform apply failed/);
    expect(target.applied.at(-1)?.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(outcome.whereNow).toEqual(ALL_PREVIOUS);
  });

  test('a rollback that fails is reported as such, with what runs where', async () => {
    const target = new FakeTarget(ALL_PREVIOUS);
    target.fired = (_region, id) => (id === 'west-2' ? ['Route 53 check hc-west of the served route is unhealthy'] : []);
    target.failApply = (step) => step.label === 'rollback';
    const outcome = await runRollout(PLAN, deps(target).value);
    expect(outcome.kind).toBe('rollback-failed');
    expect(outcome.message).toMatch(/^rollback: terraform apply failed/);
    expect(reportLines(outcome, next, previous, flags)[0]).toBe('rollout ROLLBACK FAILED (exit 3)');
  });

  test('model time: at a time scale of 10 a bake of 300 model seconds sleeps 30 real seconds', async () => {
    const clock = new FakeClock();
    const target = new FakeTarget(ALL_PREVIOUS);
    target.timeScaleValue = 10;
    const outcome = await runRollout(PLAN, deps(target, { clock }).value);
    expect(outcome.kind).toBe('rolled-out');
    expect(clock.time - 1_000_000).toBe(2 * 30_000);
    expect(reportLines(outcome, next, previous, flags).join('\n')).toContain('us-west-2 ran the new release for 600 model s (time scale 10)');
  });
});
