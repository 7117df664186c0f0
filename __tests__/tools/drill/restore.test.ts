import { UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { runDrill } from '../../../tools/drill/drill';
import { manualRestoreCommand } from '../../../tools/drill/restore';
import {
  awsError, deps, lambdaMock, ORIGINAL_ENV, outputs, resetMocks, SimulatedFunction, simulate, updates,
} from './simulation';

beforeEach(resetMocks);

const FN = 'multi-region-api-health-check';
/** A drill that never sees the check turn unhealthy: it times out and restores. */
const timesOut = { region: 'us-east-1', outputs, timeoutSeconds: 10 } as const;

/** Runs `change` once, at the first status read after STATUS=fail was applied: between the drill's fail and its restore. */
const duringTheDrill = (change: (fn: SimulatedFunction) => void) => {
  let done = false;
  return (fn: SimulatedFunction) => {
    if (fn.env.STATUS === 'fail' && !done) change(fn);
    done ||= fn.env.STATUS === 'fail';
  };
};

/** Answers every UpdateFunctionConfiguration through `each`, with its count (1: STATUS=fail) and the way to apply it. */
function onUpdate(fn: ReturnType<typeof simulate>['fn'], each: (call: number, apply: () => unknown) => unknown) {
  let calls = 0;
  lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input) => each(++calls, () => fn.update(input)));
}

describe('the restore sets back STATUS only, and only where the drill set it', () => {
  test('someone changes the environment between the fail and the restore: kept, reported, STATUS back', async () => {
    const { dns, fn } = simulate({
      lagPolls: 2,
      onStatusRead: duringTheDrill((f) => f.updateByOthers({ ...f.env, ALLOWED_ORIGINS: 'https://app.example.com', FEATURE: 'on' })),
    });
    const d = deps(dns);
    await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(fn.env).toEqual({ STATUS: 'ok', ALLOWED_ORIGINS: 'https://app.example.com', DEPENDENCY_URLS: '[]', FEATURE: 'on' });
    expect(d.lines).toContain(`  note: ${FN} changed during the drill, not by it (variable FEATURE added; variable ALLOWED_ORIGINS changed): kept, only STATUS set back`);
  });

  test('PreconditionFailed on the restore (a change landed after its read): it reads again and retries', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000 });
    const d = deps(dns);
    onUpdate(fn, (call, apply) => {
      if (call === 2) fn.updateByOthers({ ...fn.env, DEPENDENCY_URLS: '["https://dep.example.com"]' });
      return apply();
    });
    await expect(runDrill(d.value, timesOut)).rejects.toThrow(/gave up after --timeout 10 s/);
    expect(lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input.RevisionId)).toEqual(['rev-1', 'rev-2', 'rev-3']);
    expect(fn.env).toEqual({ ...ORIGINAL_ENV, DEPENDENCY_URLS: '["https://dep.example.com"]' });
    expect(d.lines).toContain(`restored STATUS=ok on ${FN}`);
    expect(d.lines).toContain(`  note: ${FN} changed during the drill, not by it (variable DEPENDENCY_URLS changed): kept, only STATUS set back`);
  });

  test('a throttled restore write, the function already holding the original STATUS: restored, not RESTORE FAILED', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000 });
    const d = deps(dns);
    onUpdate(fn, (call, apply) => {
      if (call === 1) return apply();
      if (call === 2) apply(); // the write lands, its answer says throttled
      throw awsError('TooManyRequestsException', 'Rate exceeded');
    });
    await expect(runDrill(d.value, timesOut)).rejects.toThrow(/gave up after --timeout 10 s/);
    expect(fn.env).toEqual(ORIGINAL_ENV);
    expect(d.lines).toContain(`restored STATUS=ok on ${FN}`);
    expect(d.lines.join('\n')).not.toContain('changed during the drill');
  });

  test('every write throttled: STATUS=fail never landed, the drill stops with the reason and changes nothing', async () => {
    const { dns, fn } = simulate();
    lambdaMock.on(UpdateFunctionConfigurationCommand).rejects(awsError('TooManyRequestsException', 'Rate exceeded'));
    await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects
      .toThrow(`setting STATUS=fail on ${FN} failed: TooManyRequestsException: Rate exceeded`);
    expect(updates()).toEqual([{ ...ORIGINAL_ENV, STATUS: 'fail' }]);
    expect(fn.env).toEqual(ORIGINAL_ENV);
  });

  test('a deploy during the drill sets STATUS=ok and a variable: nothing to write, both reported', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000, onStatusRead: duringTheDrill((f) => f.updateByOthers({ ...ORIGINAL_ENV, FEATURE: 'on' })) });
    const d = deps(dns);
    await expect(runDrill(d.value, timesOut)).rejects.toThrow(/gave up after --timeout 10 s/);
    expect(updates()).toHaveLength(1);
    expect(fn.env).toEqual({ ...ORIGINAL_ENV, FEATURE: 'on' });
    expect(d.lines).toContain(`STATUS on ${FN} is ok already: nothing to restore`);
    expect(d.lines).toContain(`  note: ${FN} changed during the drill, not by it (variable FEATURE added; STATUS set to "ok"): kept`);
  });

  test('someone sets STATUS to another value during the drill: left as it is', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000, onStatusRead: duringTheDrill((f) => f.updateByOthers({ ...f.env, STATUS: 'maintenance' })) });
    const d = deps(dns);
    await expect(runDrill(d.value, timesOut)).rejects.toThrow(/gave up after --timeout 10 s/);
    expect(fn.env.STATUS).toBe('maintenance');
    expect(d.lines).toContain(`STATUS on ${FN} is "maintenance", set by someone else during the drill: left as it is`);
  });

  test('a function that had no STATUS gets none back', async () => {
    const { ALLOWED_ORIGINS, DEPENDENCY_URLS } = ORIGINAL_ENV;
    const { dns, fn } = simulate({ lagPolls: 2, env: { ALLOWED_ORIGINS, DEPENDENCY_URLS } });
    const d = deps(dns);
    await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(fn.env).toEqual({ ALLOWED_ORIGINS, DEPENDENCY_URLS });
    expect(d.lines).toContain(`restored STATUS=(unset) on ${FN}`);
  });
});

describe('the fail step sets STATUS only', () => {
  test('a change between the preflight and STATUS=fail: PreconditionFailed, read again, reported, kept through the restore', async () => {
    const { dns, fn } = simulate({ lagPolls: 2 });
    const d = deps(dns);
    onUpdate(fn, (call, apply) => {
      if (call === 1) fn.updateByOthers({ ...fn.env, FEATURE: 'on' });
      return apply();
    });
    await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(updates()).toEqual([
      { ...ORIGINAL_ENV, STATUS: 'fail' }, { ...ORIGINAL_ENV, FEATURE: 'on', STATUS: 'fail' }, { ...ORIGINAL_ENV, FEATURE: 'on' },
    ]);
    expect(d.lines).toContain(`  note: ${FN} changed since the drill read it (variable FEATURE added): STATUS=fail goes on it as it is now`);
    expect(d.lines.join('\n')).not.toContain('changed during the drill');
  });
});

test('the command to restore by hand sets only STATUS on the environment last read, at its revision', () => {
  const lastRead = { environment: { STATUS: 'fail', NOTE: "it's" }, revisionId: 'rev-7' };
  expect(manualRestoreCommand({ region: 'us-east-1', functionName: FN, status: undefined }, lastRead))
    .toBe(`aws lambda update-function-configuration --region us-east-1 --function-name ${FN} --environment '{"Variables":{"NOTE":"it'\\''s"}}' --revision-id rev-7`);
});
