import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { Clock } from './clock';
import { DnsLookup, pointsAt } from './dns';
import { DrillError, DrillInterrupted } from './errors';
import { readEnvironment, STATUS_VARIABLE, writeEnvironment } from './function-status';
import { healthyShare, isHealthy } from './health';
import { observe, readModel } from './health-check-status';
import { detectionSeconds, FailoverModel, phaseLine } from './model';
import { RegionOutputs, StackOutputs } from './outputs';

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
  /** Longest wait of each phase. @default 600 */
  readonly phaseTimeoutSeconds?: number;
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
  const target = outputs.regions[region];
  if (!target) {
    throw new DrillError(`region "${region}" is not in the deployed stack; deployed regions: ${Object.keys(outputs.regions).join(', ')}`);
  }
  return target;
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
    `6. restore the original ${STATUS_VARIABLE} (also on Ctrl-C or any error), then wait until the check is healthy again`,
  ];
}

/** Fails one region through its health function, measures the failover, and always restores the function. */
export async function runDrill(deps: DrillDeps, options: DrillOptions): Promise<DrillResult> {
  const { clock, log } = deps;
  const target = regionOf(options.outputs, options.region);
  const pollMs = (options.pollSeconds ?? 5) * 1000;
  const timeoutMs = (options.phaseTimeoutSeconds ?? 600) * 1000;
  const fn = target.healthFunctionName;

  // Preflight: read only. Anything wrong here stops the drill before it changes anything.
  const original = await readEnvironment(deps.lambda, fn);
  if (original[STATUS_VARIABLE] === 'fail') {
    throw new DrillError(`${fn} in ${options.region} already has ${STATUS_VARIABLE}=fail (an unfinished drill?); set it back to ok first`);
  }
  const model = await readModel(deps.route53, target.healthCheckId, options.outputs.failoverSeconds);
  const initially = await observe(deps.route53, target.healthCheckId);
  if (!isHealthy(initially)) {
    throw new DrillError(`health check ${target.healthCheckId} of ${options.region} is already unhealthy; drill a healthy region`);
  }
  const dnsMeasured = await pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget);
  log(`model: detection ${model.requestIntervalSeconds} s x ${model.failureThreshold} = ${detectionSeconds(model)} s, `
    + `then up to ${model.ttlSeconds} s of cached answers: failover ≤ ${model.failoverSeconds} s`);
  if (!dnsMeasured) {
    log(`note: ${options.outputs.domainName} does not resolve to ${options.region} from here (latency routing picks a nearer region); the DNS phase is skipped`);
  }

  const phases: PhaseTiming[] = [];
  const abort = new AbortController();
  let restoring = false;
  const unsubscribe = deps.onInterrupt((signal) => {
    if (restoring) log(`${signal}: restoring ${STATUS_VARIABLE} first, please wait`);
    abort.abort(new DrillInterrupted(signal));
  });
  const waitFor = async (what: string, done: () => Promise<boolean>): Promise<void> => {
    const deadline = clock.now() + timeoutMs;
    while (!(await done())) {
      if (clock.now() >= deadline) throw new DrillError(`gave up waiting ${timeoutMs / 1000} s for ${what}`);
      await clock.sleep(pollMs, abort.signal);
    }
  };

  let failure: unknown;
  const start = clock.now();
  try {
    log(`setting ${STATUS_VARIABLE}=fail on ${fn} in ${options.region}`);
    await writeEnvironment(deps.lambda, clock, fn, { ...original, [STATUS_VARIABLE]: 'fail' }, abort.signal);
    phases.push({ phase: 'status-applied', elapsedMs: clock.now() - start });
    log(phaseLine('STATUS=fail applied', clock.now() - start));

    let lastShare = -1;
    await waitFor(`health check ${target.healthCheckId} to turn unhealthy`, async () => {
      const observations = await observe(deps.route53, target.healthCheckId);
      const share = healthyShare(observations);
      if (share !== lastShare) log(`  checkers reporting healthy: ${Math.round(share * 100)}% of ${observations.length}`);
      lastShare = share;
      return !isHealthy(observations);
    });
    phases.push({ phase: 'unhealthy', elapsedMs: clock.now() - start });
    log(phaseLine('health check unhealthy', clock.now() - start, `≤ ${detectionSeconds(model)} s after the function fails`));

    if (dnsMeasured) {
      await waitFor(`${options.outputs.domainName} to stop answering ${options.region}`,
        async () => !(await pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget)));
      phases.push({ phase: 'dns-moved', elapsedMs: clock.now() - start });
      log(phaseLine(`DNS answer left ${options.region}`, clock.now() - start, `≤ ${model.failoverSeconds} s (failover_seconds)`));
    }
  } catch (error) {
    failure = error;
  }
  restoring = true;
  const restoreStart = clock.now();
  try {
    await writeEnvironment(deps.lambda, clock, fn, original);
  } catch (error) {
    unsubscribe();
    throw new DrillError(`RESTORE FAILED: set ${STATUS_VARIABLE}=${original[STATUS_VARIABLE] ?? 'ok'} on ${fn} in ${options.region} by hand `
      + `(${(error as Error).message})${failure ? `; the drill had stopped because: ${(failure as Error).message}` : ''}`);
  }
  phases.push({ phase: 'restored', elapsedMs: clock.now() - restoreStart });
  log(`restored ${STATUS_VARIABLE}=${original[STATUS_VARIABLE] ?? '(unset)'} on ${fn}`);
  if (failure) {
    unsubscribe();
    throw failure;
  }

  try {
    const recoveryStart = clock.now();
    await waitFor(`health check ${target.healthCheckId} to recover`, async () => isHealthy(await observe(deps.route53, target.healthCheckId)));
    phases.push({ phase: 'healthy-again', elapsedMs: clock.now() - recoveryStart });
    log(phaseLine('health check healthy again', clock.now() - recoveryStart, `≈ ${detectionSeconds(model)} s after restore`));
    if (dnsMeasured) {
      await waitFor(`${options.outputs.domainName} to answer ${options.region} again`,
        () => pointsAt(deps.dns, options.outputs.domainName, target.customDomainTarget));
      phases.push({ phase: 'dns-back', elapsedMs: clock.now() - recoveryStart });
      log(phaseLine(`DNS answers ${options.region} again`, clock.now() - recoveryStart, `≤ ${model.failoverSeconds} s after restore`));
    }
  } finally {
    unsubscribe();
  }
  return { model, phases, dnsMeasured };
}
