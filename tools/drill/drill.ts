import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { Clock } from './clock';
import { DnsLookup, pointsAt } from './dns';
import { CallLimits } from './aws-call';
import { DrillError, DrillInterrupted, DrillTimeout, UsageError } from './errors';
import { readEnvironment, STATUS_VARIABLE, writeEnvironment } from './function-status';
import { healthyShare, isHealthy } from './health';
import { observe, readModel } from './health-check-status';
import { detectionSeconds, FailoverModel, phaseLine } from './model';
import { RegionOutputs, StackOutputs } from './outputs';
import { restoreEnvironment } from './restore';

export interface DrillDeps {
  /** A Lambda client for the drilled region. */
  readonly lambda: LambdaClient;
  readonly route53: Route53Client;
  readonly dns: DnsLookup;
  readonly clock: Clock;
  readonly log: (line: string) => void;
  /** Subscribes to Ctrl-C / SIGTERM; returns the unsubscribe function. */
  readonly onInterrupt: (handler: (signal: string) => void) => () => void;
}

export interface DrillOptions {
  readonly region: string;
  readonly outputs: StackOutputs;
  /** @default 5 */
  readonly pollSeconds?: number;
  /** Longest the whole drill may take; then it restores STATUS and stops. @default 900 */
  readonly timeoutSeconds?: number;
  /** Longest one AWS call may take, the SDK's retries included; the restore gets RESTORE_CALL_BUDGETS of these. @default 15 */
  readonly callTimeoutSeconds?: number;
}

export interface PhaseTiming {
  readonly phase: 'status-applied' | 'unhealthy' | 'dns-moved' | 'restored' | 'healthy-again' | 'dns-back';
  /** Milliseconds since STATUS=fail was requested (recovery phases: since the restore was requested). */
  readonly elapsedMs: number;
}

export interface DrillResult {
  readonly model: FailoverModel;
  readonly phases: readonly PhaseTiming[];
  /** False when this machine's resolver never got the drilled region's answer (it is nearer another region). */
  readonly dnsMeasured: boolean;
}

/** The region's outputs, or a one-line error naming the deployed regions. */
export function regionOf(outputs: StackOutputs, region: string): RegionOutputs {
  if (!Object.hasOwn(outputs.regions, region)) {
    throw new UsageError(`--region: "${region}" is not in the deployed stack; deployed regions: ${Object.keys(outputs.regions).join(', ')}`);
  }
  return outputs.regions[region];
}

/** What the drill will do, without doing it (`--dry-run`). */
export function drillSteps(outputs: StackOutputs, region: string): string[] {
  const target = regionOf(outputs, region);
  return [
    `1. read ${target.healthFunctionName} (${region}) and health check ${target.healthCheckId}; stop unless both are healthy`,
    `2. set ${STATUS_VARIABLE}=fail on ${target.healthFunctionName} in ${region}, keeping its other environment variables`,
    `3. poll Route 53 health check ${target.healthCheckId} until it is unhealthy (≤ 18% of checkers healthy)`,
    `4. resolve ${outputs.domainName} until the answer no longer points at ${target.customDomainTarget}`,
    `5. print each phase's time against the failover model (failover_seconds = ${outputs.failoverSeconds})`,
    `6. restore the original ${STATUS_VARIABLE} (also on Ctrl-C, SIGTERM, --timeout or any error), then wait until the check is healthy again`,
  ];
}

/** Fails one region through its health function, measures the failover, and always restores the function. */
export async function runDrill(deps: DrillDeps, options: DrillOptions): Promise<DrillResult> {
  const { clock, log } = deps;
  const target = regionOf(options.outputs, options.region);
  const pollMs = (options.pollSeconds ?? 5) * 1000;
  const timeoutSeconds = options.timeoutSeconds ?? 900;
  const callTimeoutMs = (options.callTimeoutSeconds ?? 15) * 1000;
  const fn = target.healthFunctionName;
  const start = clock.now();
  const deadline = start + timeoutSeconds * 1000;

  // One signal stops everything the drill waits on: its deadline (--timeout) or Ctrl-C / SIGTERM.
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(new DrillTimeout(timeoutSeconds)), timeoutSeconds * 1000);
  let restoring = false;
  const unsubscribe = deps.onInterrupt((signal) => {
    if (restoring) log(`${signal}: restoring ${STATUS_VARIABLE} first, please wait`);
    stop.abort(new DrillInterrupted(signal));
  });
  const limits: CallLimits = { signal: stop.signal, callTimeoutMs };
  const waitFor = async (what: string, done: () => Promise<boolean>): Promise<void> => {
    while (!(await done())) {
      if (clock.now() >= deadline) throw new DrillTimeout(timeoutSeconds, what);
      await clock.sleep(Math.min(pollMs, Math.max(0, deadline - clock.now())), stop.signal);
    }
  };
  const finish = () => {
    clearTimeout(timer);
    unsubscribe();
  };

  let original: Record<string, string>;
  let model: FailoverModel;
  let dnsMeasured: boolean;
  try {
    // Preflight: read only. Anything wrong here stops the drill before it changes anything.
    original = await readEnvironment(deps.lambda, limits, fn);
    if (original[STATUS_VARIABLE] === 'fail') {
      throw new DrillError(`${fn} in ${options.region} already has ${STATUS_VARIABLE}=fail (an unfinished drill?); set it back to ok first`);
    }
    model = await readModel(deps.route53, limits, target.healthCheckId, options.outputs.failoverSeconds);
    const initially = await observe(deps.route53, limits, target.healthCheckId);
    if (!isHealthy(initially)) {
      throw new DrillError(`health check ${target.healthCheckId} of ${options.region} is already unhealthy; drill a healthy region`);
    }
    dnsMeasured = await pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget);
  } catch (error) {
    finish();
    throw error;
  }
  log(`model: detection ${model.requestIntervalSeconds} s x ${model.failureThreshold} = ${detectionSeconds(model)} s, `
    + `then up to ${model.ttlSeconds} s of cached answers: failover ≤ ${model.failoverSeconds} s`);
  if (!dnsMeasured) {
    log(`note: ${options.outputs.domainName} does not resolve to ${options.region} from here (latency routing picks a nearer region); the DNS phase is skipped`);
  }

  const phases: PhaseTiming[] = [];
  let failure: unknown;
  const failStart = clock.now();
  try {
    log(`setting ${STATUS_VARIABLE}=fail on ${fn} in ${options.region}`);
    await writeEnvironment(deps.lambda, clock, limits, fn, { ...original, [STATUS_VARIABLE]: 'fail' });
    phases.push({ phase: 'status-applied', elapsedMs: clock.now() - failStart });
    log(phaseLine('STATUS=fail applied', clock.now() - failStart));

    let lastShare = -1;
    await waitFor(`health check ${target.healthCheckId} to turn unhealthy`, async () => {
      const observations = await observe(deps.route53, limits, target.healthCheckId);
      const share = healthyShare(observations);
      if (share !== lastShare) log(`  checkers reporting healthy: ${Math.round(share * 100)}% of ${observations.length}`);
      lastShare = share;
      return !isHealthy(observations);
    });
    phases.push({ phase: 'unhealthy', elapsedMs: clock.now() - failStart });
    log(phaseLine('health check unhealthy', clock.now() - failStart, `≤ ${detectionSeconds(model)} s after the function fails`));

    if (dnsMeasured) {
      await waitFor(`${options.outputs.domainName} to stop answering ${options.region}`,
        async () => !(await pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget)));
      phases.push({ phase: 'dns-moved', elapsedMs: clock.now() - failStart });
      log(phaseLine(`DNS answer left ${options.region}`, clock.now() - failStart, `≤ ${model.failoverSeconds} s (failover_seconds)`));
    }
  } catch (error) {
    failure = error;
  }
  restoring = true;
  const restoreStart = clock.now();
  if (failure) log(`stopping (${(failure as Error).message}); restoring ${STATUS_VARIABLE}`);
  try {
    await restoreEnvironment({ lambda: deps.lambda, clock, region: options.region, functionName: fn, environment: original, callTimeoutMs }, failure);
  } catch (error) {
    finish();
    throw error;
  }
  phases.push({ phase: 'restored', elapsedMs: clock.now() - restoreStart });
  log(`restored ${STATUS_VARIABLE}=${original[STATUS_VARIABLE] ?? '(unset)'} on ${fn}`);
  restoring = false;
  if (failure) {
    finish();
    throw failure;
  }

  try {
    const recoveryStart = clock.now();
    await waitFor(`health check ${target.healthCheckId} to recover`,
      async () => isHealthy(await observe(deps.route53, limits, target.healthCheckId)));
    phases.push({ phase: 'healthy-again', elapsedMs: clock.now() - recoveryStart });
    log(phaseLine('health check healthy again', clock.now() - recoveryStart, `≈ ${detectionSeconds(model)} s after restore`));
    if (dnsMeasured) {
      await waitFor(`${options.outputs.domainName} to answer ${options.region} again`,
        () => pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget));
      phases.push({ phase: 'dns-back', elapsedMs: clock.now() - recoveryStart });
      log(phaseLine(`DNS answers ${options.region} again`, clock.now() - recoveryStart, `≤ ${model.failoverSeconds} s after restore`));
    }
  } finally {
    finish();
  }
  return { model, phases, dnsMeasured };
}
