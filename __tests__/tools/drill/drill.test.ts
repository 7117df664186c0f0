import { GetFunctionConfigurationCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { GetHealthCheckStatusCommand } from '@aws-sdk/client-route-53';
import { drillSteps, runDrill } from '../../../tools/drill/drill';
import { DrillInterrupted } from '../../../tools/drill/errors';
import { RestoreFailed } from '../../../tools/drill/restore';
import { FakeClock } from '../../helpers/clock';
import {
  awsError, deps, lambdaMock, observations, ORIGINAL_ENV, outputs, resetMocks, route53Mock, simulate, updates,
} from './simulation';

beforeEach(resetMocks);

describe('runDrill', () => {
  test('fails the region, measures each phase, restores STATUS keeping other variables, and waits for recovery', async () => {
    const { dns } = simulate({ lagPolls: 2 });
    const d = deps(dns);
    const result = await runDrill(d.value, { region: 'us-east-1', outputs, pollSeconds: 5 });

    expect(updates()).toEqual([{ ...ORIGINAL_ENV, STATUS: 'fail' }, ORIGINAL_ENV]);
    expect(result.phases.map((p) => p.phase)).toEqual(['status-applied', 'unhealthy', 'dns-moved', 'restored', 'healthy-again', 'dns-back']);
    expect(result.phases.find((p) => p.phase === 'unhealthy')!.elapsedMs).toBe(10_000); // polls at 0, 5 and 10 s; the third sees the change
    expect(result.model).toEqual({ requestIntervalSeconds: 10, failureThreshold: 2, ttlSeconds: 60, failoverSeconds: 80 });
    expect(d.lines.join('\n')).toMatch(/health check unhealthy\s+10.0 s {3}model ≤ 20 s/);
    expect(d.subscriptions()).toBe(0);
  });

  test('restores STATUS when a phase fails (Route 53 error while polling)', async () => {
    const { dns } = simulate();
    let reads = 0;
    route53Mock.on(GetHealthCheckStatusCommand).callsFake(() => {
      if (++reads > 1) throw awsError('ThrottlingException', 'Rate exceeded');
      return observations(true);
    });
    await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects
      .toThrow('reading the status of health check hc-us-east-1 failed: ThrottlingException: Rate exceeded');
    expect(updates()).toEqual([{ ...ORIGINAL_ENV, STATUS: 'fail' }, ORIGINAL_ENV]);
  });

  test('restores STATUS when a phase times out', async () => {
    const { dns } = simulate({ lagPolls: 1_000 });
    await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs, timeoutSeconds: 30 })).rejects
      .toThrow('gave up after --timeout 30 s waiting for health check hc-us-east-1 to turn unhealthy');
    expect(updates()).toEqual([{ ...ORIGINAL_ENV, STATUS: 'fail' }, ORIGINAL_ENV]);
  });

  test('restores STATUS on Ctrl-C (SIGINT) and reports the interruption', async () => {
    const { dns } = simulate({ lagPolls: 1_000 });
    const interrupt: { fire?: (signal: string) => void } = {};
    const clock = new FakeClock((count) => { if (count === 3) interrupt.fire?.('SIGINT'); });
    const d = deps(dns, clock, interrupt);
    await expect(runDrill(d.value, { region: 'us-east-1', outputs })).rejects.toThrow(DrillInterrupted);
    expect(updates()).toEqual([{ ...ORIGINAL_ENV, STATUS: 'fail' }, ORIGINAL_ENV]);
    expect(d.subscriptions()).toBe(0);
  });

  test('retries the restore while Lambda is still applying the first update', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000 });
    let calls = 0;
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input) => {
      if (++calls === 2) throw awsError('ResourceConflictException', 'update in progress');
      return fn.update(input);
    });
    await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs, timeoutSeconds: 10 })).rejects.toThrow(/gave up after --timeout 10 s waiting/);
    expect(calls).toBe(3);
    expect(fn.env).toEqual(ORIGINAL_ENV);
  });

  test('a restore that fails says so loudly, with the way to fix it by hand', async () => {
    const { dns, fn } = simulate({ lagPolls: 1_000 });
    let calls = 0;
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input) => {
      if (++calls > 1) throw awsError('AccessDeniedException', 'denied');
      return fn.update(input);
    });
    const error = await runDrill(deps(dns).value, { region: 'us-east-1', outputs, timeoutSeconds: 10 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(RestoreFailed);
    expect(calls).toBe(5); // the write of STATUS=fail, then four restore attempts
    expect((error as Error).message.split('\n')).toEqual([
      expect.stringMatching(/^RESTORE FAILED: STATUS on multi-region-api-health-check in us-east-1 may still be "fail" \(.*AccessDeniedException: denied\)\.$/),
      'Restore it by hand (sets STATUS back, every other variable as last read; Lambda refuses it if the function changed since):',
      `  aws lambda update-function-configuration --region us-east-1 --function-name multi-region-api-health-check --environment '${JSON.stringify({ Variables: ORIGINAL_ENV })}' --revision-id rev-2`,
      expect.stringMatching(/^The drill had stopped because: gave up after --timeout 10 s/),
    ]);
  });

  describe('changes nothing when', () => {
    test('the region is not deployed', async () => {
      const { dns } = simulate();
      await expect(runDrill(deps(dns).value, { region: 'eu-west-1', outputs })).rejects
        .toThrow('--region: "eu-west-1" is not in the deployed stack; deployed regions: us-east-1, us-west-2');
      await expect(runDrill(deps(dns).value, { region: 'toString', outputs })).rejects.toThrow('--region: "toString" is not in the deployed stack');
      expect(lambdaMock.calls()).toHaveLength(0);
    });

    test('there are no AWS credentials', async () => {
      const { dns } = simulate();
      lambdaMock.on(GetFunctionConfigurationCommand).rejects(awsError('CredentialsProviderError', 'Could not load credentials from any providers'));
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/^no AWS credentials for reading Lambda function/);
      expect(updates()).toEqual([]);
    });

    test('the function is missing (stack not deployed in this account)', async () => {
      const { dns } = simulate();
      lambdaMock.on(GetFunctionConfigurationCommand).rejects(awsError('ResourceNotFoundException', 'Function not found'));
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/not found .*is the stack deployed in this account/);
      expect(updates()).toEqual([]);
    });

    test('the region is already unhealthy, or STATUS is already fail', async () => {
      const { dns } = simulate({ initiallyHealthy: false });
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/already unhealthy/);
      const failed = simulate({ env: { ...ORIGINAL_ENV, STATUS: 'fail' } });
      await expect(runDrill(deps(failed.dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/already has STATUS=fail/);
      expect(updates()).toEqual([]);
    });
  });

  test('skips the DNS phase, saying why, when this resolver never gets the drilled region', async () => {
    const { dns } = simulate();
    const d = deps({ ...dns, resolveCname: () => Promise.resolve(['d-west222.execute-api.us-west-2.amazonaws.com']) });
    const result = await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(result.dnsMeasured).toBe(false);
    expect(result.phases.map((p) => p.phase)).toEqual(['status-applied', 'unhealthy', 'restored', 'healthy-again']);
    expect(d.lines.join('\n')).toContain('the DNS phase is skipped');
  });
});

describe('a resolver that does not answer', () => {
  const unanswered = (code: string) => Promise.reject(Object.assign(new Error(`queryCname ${code}`), { code }));

  test.each([['ETIMEOUT', 'timed out'], ['ECONNREFUSED', 'connection refused']])('%s before the drill: named, the DNS phase is skipped', async (code, reason) => {
    const { dns } = simulate();
    const d = deps({ ...dns, resolveCname: () => unanswered(code) });
    const result = await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(result.phases.map((p) => p.phase)).toEqual(['status-applied', 'unhealthy', 'restored', 'healthy-again']);
    expect(d.lines.filter((line) => /DNS|latency/.test(line))).toEqual([
      `note: DNS server 192.0.2.53 did not answer for api.example.com (${reason}): the DNS phase is skipped`,
    ]);
  });

  test('timing out while the drill waits for the answer to move: waited out, not taken for a move', async () => {
    const { dns } = simulate({ lagPolls: 0 });
    let lookups = 0;
    // The preflight's lookup answers the east region; the next two time out, then the answer has moved.
    const d = deps({ ...dns, resolveCname: (host) => (++lookups === 2 || lookups === 3 ? unanswered('ETIMEOUT') : dns.resolveCname(host)) });
    const result = await runDrill(d.value, { region: 'us-east-1', outputs, pollSeconds: 5 });
    const phase = (name: string) => result.phases.find((p) => p.phase === name)!.elapsedMs;
    expect(phase('dns-moved') - phase('unhealthy')).toBe(10_000);
    expect(d.lines.filter((line) => line.includes('did not answer'))).toEqual([
      '  note: DNS server 192.0.2.53 did not answer for api.example.com (timed out); still waiting',
    ]);
  });
});

test('drillSteps (--dry-run) names the function, health check and domain from the outputs', () => {
  const steps = drillSteps(outputs, 'us-west-2').join('\n');
  expect(steps).toContain('set STATUS=fail on multi-region-api-health-check in us-west-2');
  expect(steps).toContain('health check hc-us-west-2');
  expect(steps).toContain('resolve api.example.com until the answer no longer points at d-west222.execute-api.us-west-2.amazonaws.com');
});
