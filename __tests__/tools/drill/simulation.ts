import {
  GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { GetHealthCheckCommand, GetHealthCheckStatusCommand, Route53Client } from '@aws-sdk/client-route-53';
import { mockClient } from 'aws-sdk-client-mock';
import { DrillDeps } from '../../../tools/drill/drill';
import { DnsLookup } from '../../../tools/drill/dns';
import { parseStackOutputs } from '../../../tools/drill/outputs';
import { FakeClock } from '../../helpers/clock';
import { outputsJson } from '../../helpers/drill';

export const lambdaMock = mockClient(LambdaClient);
export const route53Mock = mockClient(Route53Client);
export const outputs = parseStackOutputs(outputsJson(), 'test');
export const EAST_TARGET = outputs.regions['us-east-1'].customDomainTarget;
export const ORIGINAL_ENV: Readonly<Record<string, string>> = { STATUS: 'ok', ALLOWED_ORIGINS: '*', DEPENDENCY_URLS: '[]' };

type UpdateInput = { Environment?: { Variables?: Record<string, string> }; RevisionId?: string };

export const awsError = (name: string, message = name) => Object.assign(new Error(message), { name });

export const observations = (healthy: boolean) => ({
  HealthCheckObservations: Array.from({ length: 16 }, (_, i) => ({
    Region: 'us-east-1' as const, IPAddress: `10.0.0.${i}`,
    StatusReport: { Status: healthy ? 'Success: HTTP Status Code 200, OK' : 'Failure: HTTP Status Code 503' },
  })),
});

/** The health function as Lambda keeps it: every update moves its RevisionId; an update naming an older one is refused. */
export class SimulatedFunction {
  env: Record<string, string>;
  revision = 1;
  pollsSinceChange = 0;

  constructor(env: Record<string, string>) {
    this.env = { ...env };
  }

  config() {
    return { Environment: { Variables: { ...this.env } }, LastUpdateStatus: 'Successful' as const, RevisionId: `rev-${this.revision}`, CodeSha256: 'code-1' };
  }

  /** UpdateFunctionConfiguration as Lambda answers it. */
  update(input: UpdateInput) {
    if (input.RevisionId !== undefined && input.RevisionId !== `rev-${this.revision}`) {
      throw awsError('PreconditionFailedException', 'The Revision Id provided does not match the latest Revision Id.');
    }
    return this.updateByOthers(input.Environment?.Variables ?? {});
  }

  /** Someone else (a deploy, a colleague) sets the function's environment. */
  updateByOthers(variables: Record<string, string>) {
    this.env = { ...variables };
    this.revision += 1;
    this.pollsSinceChange = 0;
    return this.config();
  }
}

/**
 * A small simulated world: the function, a health check that follows STATUS after `lagPolls` status reads, and DNS
 * that answers the east region while the check is healthy.
 */
export function simulate(options: {
  lagPolls?: number;
  initiallyHealthy?: boolean;
  env?: Record<string, string>;
  /** Runs before every health check status read (the drill polls between its fail and its restore). */
  onStatusRead?: (fn: SimulatedFunction) => void;
} = {}) {
  const fn = new SimulatedFunction(options.env ?? ORIGINAL_ENV);
  const world = { fn, healthy: options.initiallyHealthy ?? true };
  lambdaMock.on(GetFunctionConfigurationCommand).callsFake(() => fn.config());
  lambdaMock.on(UpdateFunctionConfigurationCommand).callsFake((input: UpdateInput) => fn.update(input));
  route53Mock.on(GetHealthCheckCommand).resolves({
    HealthCheck: { Id: 'hc-us-east-1', CallerReference: 'x', HealthCheckVersion: 1, HealthCheckConfig: { Type: 'HTTPS_STR_MATCH', RequestInterval: 10, FailureThreshold: 2 } },
  });
  route53Mock.on(GetHealthCheckStatusCommand).callsFake(() => {
    options.onStatusRead?.(fn);
    const wanted = fn.env.STATUS !== 'fail';
    if (wanted !== world.healthy && ++fn.pollsSinceChange > (options.lagPolls ?? 2)) world.healthy = wanted;
    return observations(world.healthy);
  });
  const dns: DnsLookup = {
    resolveCname: () => Promise.resolve([world.healthy ? EAST_TARGET : 'd-west222.execute-api.us-west-2.amazonaws.com']),
    resolve4: () => Promise.resolve([]),
    getServers: () => ['192.0.2.53'],
  };
  return { world, fn, dns };
}

/** The drill's dependencies around `dns`: its log lines, and `interrupt.fire` to send it a signal. */
export function deps(dns: DnsLookup, clock = new FakeClock(), interrupt: { fire?: (signal: string) => void } = {}) {
  const lines: string[] = [];
  let subscribed = 0;
  const value: DrillDeps = {
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
  };
  return { lines, subscriptions: () => subscribed, value };
}

/** The environments the drill wrote, in order. */
export const updates = () => lambdaMock.commandCalls(UpdateFunctionConfigurationCommand).map((call) => call.args[0].input.Environment?.Variables);

export function resetMocks(): void {
  lambdaMock.reset();
  route53Mock.reset();
}
