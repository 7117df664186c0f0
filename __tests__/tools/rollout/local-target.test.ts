import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RolloutError } from '../../../tools/rollout/errors';
import { LocalRunClient } from '../../../tools/rollout/local-run-client';
import { LocalTarget } from '../../../tools/rollout/local-target';
import { httpProber } from '../../../tools/rollout/probe';
import { ProgressFile } from '../../../tools/rollout/progress';
import { readRelease, regionId } from '../../../tools/rollout/release';
import { runRollout } from '../../../tools/rollout/rollout';
import { FakeClock } from '../../helpers/clock';
import { releasePair } from '../../helpers/rollout';
import { FakeLocalRun } from './fake-local-run';

const dirs = releasePair();
const previous = readRelease(dirs.previous, '--previous');
const next = readRelease(dirs.next, '--to');
const ON_PREVIOUS = { 'us-east-1': regionId(previous, 'us-east-1'), 'us-west-2': regionId(previous, 'us-west-2') };
let local: FakeLocalRun;
let target: LocalTarget;
const signal = new AbortController().signal;

beforeEach(async () => {
  local = new FakeLocalRun(ON_PREVIOUS, 10);
  target = new LocalTarget(new LocalRunClient(await local.start(), 2000));
});
afterEach(() => local.stop());

describe('LocalTarget', () => {
  test('reads the time scale and what runs where from GET /control/regions', async () => {
    expect(await target.timeScale(signal)).toBe(10);
    expect(Object.fromEntries(await target.whatRunsWhere(['us-east-1', 'us-west-2'], signal))).toEqual(ON_PREVIOUS);
  });

  test("applies a release region by region through the release route and checks each region's new id", async () => {
    await target.apply({ release: next, from: previous, regions: ['us-west-2'], label: 'wave 1' }, signal);
    expect(local.posts).toEqual([{ region: 'us-west-2', stackDir: next.stackDir }]);
    expect(local.regions.get('us-west-2')!.releasesServed).toEqual([regionId(previous, 'us-west-2'), regionId(next, 'us-west-2')]);
    // us-east-1's id is the same in both releases (only us-west-2's function changed): the release is everywhere.
    await expect(target.finish(next, previous, signal)).resolves.toBeUndefined();
    local.regions.get('us-east-1')!.release = 'something-else';
    await expect(target.finish(next, previous, signal)).rejects.toThrow('us-east-1 does not serve the release after the last wave');
  });

  test('a 400 from the release route is one line naming the route and the reason', async () => {
    const broken = { ...next, stackDir: '/nowhere' };
    await expect(target.apply({ release: broken, from: previous, regions: ['us-west-2'], label: 'wave 1' }, signal))
      .rejects.toThrow(new RolloutError(`POST ${local.url}/control/regions/us-west-2/release: 400 stackDir /nowhere is not a synthesized stack`));
  });

  test('gates: the emulated alarm and the records\' check; synthetic requests go to the region\'s url with its hostname', async () => {
    local.regions.get('us-east-1')!.alarm = 'ALARM';
    const reader = await target.gates();
    expect(await reader.read(['us-east-1', 'us-west-2'], new Date(), signal)).toEqual([
      { region: 'us-east-1', fired: ['error-rate alarm of us-east-1 is ALARM (local run)'], inDns: true },
      { region: 'us-west-2', fired: [], inDns: true },
    ]);
    const probe = await target.probeTarget(next, 'us-west-2', signal);
    expect(probe).toEqual({ url: `${local.url}/regions/us-west-2/v1/helloworld`, host: 'us-west-2.api.example.com' });
    expect(await httpProber(probe, 1000, signal)).toEqual({ ok: true, detail: 'HTTP 200' });
  });

  test('a local run that does not report its time scale cannot take releases', async () => {
    const old = new FakeLocalRun(ON_PREVIOUS, undefined as unknown as number);
    const oldTarget = new LocalTarget(new LocalRunClient(await old.start(), 2000));
    await expect(oldTarget.timeScale(signal)).rejects.toThrow('does not report its timeScale in GET /control/regions');
    await old.stop();
  });

  test('a bad release fails its wave on the local run: every region changed so far goes back, releasesServed shows it', async () => {
    local.broken.add(regionId(next, 'us-west-2'));
    const outcome = await runRollout({
      to: next, previous, waves: [['us-west-2'], ['us-east-1']], bakeSeconds: 60, minRequests: 10, pollSeconds: 10,
      probeTimeoutSeconds: 2, rollbackWaitSeconds: 60,
    }, {
      target, clock: new FakeClock(), prober: httpProber, progress: new ProgressFile(mkdtempSync(join(tmpdir(), 'rollout-local-'))),
      log: () => undefined, onInterrupt: () => () => undefined,
    });
    expect(outcome.kind).toBe('rolled-back');
    expect(outcome.fired?.region).toBe('us-west-2');
    expect(local.regions.get('us-west-2')!.releasesServed).toEqual([regionId(previous, 'us-west-2'), regionId(next, 'us-west-2'), regionId(previous, 'us-west-2')]);
    expect(local.regions.get('us-east-1')!.releasesServed).toEqual([regionId(previous, 'us-east-1')]);
  });
});
