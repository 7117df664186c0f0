import {
  GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { GetHealthCheckCommand, GetHealthCheckStatusCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { drillSteps, runDrill } from '../../../tools/drill/drill';
import { DnsLookup } from '../../../tools/drill/dns';
import { DrillInterrupted } from '../../../tools/drill/errors';
import { RestoreFailed } from '../../../tools/drill/restore';
import { parseStackOutputs } from '../../../tools/drill/outputs';
import { FakeClock, outputsJson } from '../../helpers/drill';

const lambdaMock = mockClient(LambdaClient);
const route53Mock = mockClient(Route53Client);
const outputs = parseStackOutputs(outputsJson(), 'test');
const EAST_TARGET = outputs.regions['us-east-1'].customDomainTarget;
const ORIGINAL_ENV = { STATUS: 'ok', ALLOWED_ORIGINS: '*', DEPENDENCY_URLS: '[]' };

const observations = (healthy: boolean) => ({
  HealthCheckObservations: Array.from({ length: 16 }, (_, i) => ({
    Region: 'us-east-1' as const, IPAddress: `10.0.0.${i}`,
    StatusReport: { Status: healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: HTTP Status Code 503' },
  })),
});

/**
 * A small simulated world: the function's environment, a health check that follows STATUS after `lagPolls` status
 * reads, and DNS that answers the east region while the check is healthy.
 */
function simulate(options: { lagPolls?: number; initiallyHealthy?: boolean } = {}) {
  const world = { env: { ...ORIGINAL_ENV } as Record<string, string>, healthy: options.initiallyHealthy ?? true, pollsSinceChange: 0 };
  lambdaMock.on(GetFunctionConfigurationCommand).callsFake(() => ({ Environment: { Variables: { ...world.env } }, LastUpdateStatus: 'Successful' }));
  lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input: { Environment: { Variables: Record<string, string> } }) => {
    world.env = { ...input.Environment.Variables };
    world.pollsSinceChange = 0;
    return {};
  });
  route53Mock.on(GetHealthCheckCommand).resolves({
    HealthCheck: { Id: 'hc-us-east-1', CallerReference: 'x', HealthCheckVersion: 1, HealthCheckConfig: { Type: 'HTTPS_STR_MATCH', RequestInterval: 10, FailureThreshold: 2 } },
  });
  route53Mock.on(GetHealthCheckStatusCommand).callsFake(() => {
    const wanted = world.env.STATUS !== 'fail';
    if (wanted !== world.healthy && ++world.pollsSinceChange > (options.lagPolls ?? 2)) world.healthy = wanted;
    return observations(world.healthy);
  });
  const dns: DnsLookup = {
    resolveCname: () => Promise.resolve([world.healthy ? EAST_TARGET : 'd-west222.execute-api.us-west-2.amazonaws.com']),
    resolve4: () => Promise.resolve([]),
  };
  return { world, dns };
}

function deps(dns: DnsLookup, clock = new FakeClock(), interrupt: { fire?: (signal: string) => void } = {}) {
  const lines: string[] = [];
  let subscribed = 0;
  return {
    lines,
    subscriptions: () => subscribed,
    value: {
      lambda: new LambdaClient({ region: 'us-east-1' }),
      route53: new Route53Client({ region: 'us-east-1' }),
      dns,
      clock,
      log: (line: string) => lines.push(line),
      onInterrupt: (handler: (signal: string) => void) => {
        subscribed += 1;
        interrupt.fire = handler;
        return () => { subscribed -= 1; };
      },
    },
  };
}

const updates = () => lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input.Environment?.Variables);

beforeEach(() => {
  lambdaMock.reset();
  route53Mock.reset();
});

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
      if (++reads > 1) throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
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
    const { dns, world } = simulate({ lagPolls: 1_000 });
    let calls = 0;
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input: { Environment: { Variables: Record<string, string> } }) => {
      calls += 1;
      if (calls === 2) throw Object.assign(new Error('update in progress'), { name: 'ResourceConflictException' });
      world.env = { ...input.Environment.Variables };
      return {};
    });
    await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs, timeoutSeconds: 10 })).rejects.toThrow(/gave up after --timeout 10 s waiting/);
    expect(calls).toBe(3);
    expect(world.env).toEqual(ORIGINAL_ENV);
  });

  test('a restore that fails says so loudly, with the way to fix it by hand', async () => {
    const { dns } = simulate({ lagPolls: 1_000 });
    let calls = 0;
    lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake(() => {
      if (++calls > 1) throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
      return {};
    });
    const error = await runDrill(deps(dns).value, { region: 'us-east-1', outputs, timeoutSeconds: 10 }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(RestoreFailed);
    expect(calls).toBe(5); // the write of STATUS=fail, then four restore attempts
    expect((error as Error).message.split('\n')).toEqual([
      expect.stringMatching(/^RESTORE FAILED: STATUS on multi-region-api-health-check in us-east-1 may still be "fail" \(.*AccessDeniedException: denied\)\.$/),
      'Restore it by hand (this puts back every variable it had before the drill):',
      `  aws lambda update-function-configuration --region us-east-1 --function-name multi-region-api-health-check --environment '${JSON.stringify({ Variables: ORIGINAL_ENV })}'`,
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
      lambdaMock.on(GetFunctionConfigurationCommand).rejects(Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }));
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/^no AWS credentials for reading Lambda function/);
      expect(updates()).toEqual([]);
    });

    test('the function is missing (stack not deployed in this account)', async () => {
      const { dns } = simulate();
      lambdaMock.on(GetFunctionConfigurationCommand).rejects(Object.assign(new Error('Function not found'), { name: 'ResourceNotFoundException' }));
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/not found .*is the stack deployed in this account/);
      expect(updates()).toEqual([]);
    });

    test('the region is already unhealthy, or STATUS is already fail', async () => {
      const { dns } = simulate({ initiallyHealthy: false });
      await expect(runDrill(deps(dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/already unhealthy/);
      const failed = simulate();
      failed.world.env.STATUS = 'fail';
      await expect(runDrill(deps(failed.dns).value, { region: 'us-east-1', outputs })).rejects.toThrow(/already has STATUS=fail/);
      expect(updates()).toEqual([]);
    });
  });

  test('skips the DNS phase, saying why, when this resolver never gets the drilled region', async () => {
    const { dns } = simulate();
    const d = deps({ resolveCname: () => Promise.resolve(['d-west222.execute-api.us-west-2.amazonaws.com']), resolve4: dns.resolve4 });
    const result = await runDrill(d.value, { region: 'us-east-1', outputs });
    expect(result.dnsMeasured).toBe(false);
    expect(result.phases.map((p) => p.phase)).toEqual(['status-applied', 'unhealthy', 'restored', 'healthy-again']);
    expect(d.lines.join('\n')).toContain('the DNS phase is skipped');
  });
});

test('drillSteps (--dry-run) names the function, health check and domain from the outputs', () => {
  const steps = drillSteps(outputs, 'us-west-2').join('\n');
  expect(steps).toContain('set STATUS=fail on multi-region-api-health-check in us-west-2');
  expect(steps).toContain('health check hc-us-west-2');
  expect(steps).toContain('resolve api.example.com until the answer no longer points at d-west222.execute-api.us-west-2.amazonaws.com');
});
