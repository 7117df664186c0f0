import { DnsUnreachable, pointsAt } from './dns';
import { DrillRun } from './drill-run';
import { DrillError } from './errors';
import { FailRecord, failRecord, setFailStatus } from './fail-step';
import { readFunction, statusOf, statusSetting, STATUS_VARIABLE } from './function-status';
import { healthyShare, isHealthy } from '../aws/health-checkers';
import { observe, readModel } from './health-check-status';
import { detectionSeconds, FailoverModel } from './model';
import { restoreStatus } from './restore';

/** What the preflight learned, read only. */
export interface Preflight {
  readonly record: FailRecord;
  readonly model: FailoverModel;
  /** False when this machine's resolver never got the drilled region's answer: the DNS phases are skipped. */
  readonly dnsMeasured: boolean;
}

/** Reads the function, the health check and DNS; anything wrong stops the drill before it changes anything. */
export async function preflight(run: DrillRun): Promise<Preflight> {
  const { deps, scope, limits } = run;
  const { healthFunctionName: fn, healthCheckId } = scope.target;
  const read = await readFunction(deps.lambda, limits, fn);
  if (statusOf(read) === 'fail') {
    throw new DrillError(`${fn} in ${scope.region} already has ${STATUS_VARIABLE}=fail (an unfinished drill?); set it back to ok first`);
  }
  const model = await readModel(deps.route53, limits, healthCheckId, scope.failoverSeconds);
  if (!isHealthy(await observe(deps.route53, limits, healthCheckId))) {
    throw new DrillError(`health check ${healthCheckId} of ${scope.region} is already unhealthy; drill a healthy region`);
  }
  const dnsAnswer = await answersRegion(run);
  deps.log(`model: detection ${model.requestIntervalSeconds} s x ${model.failureThreshold} = ${detectionSeconds(model)} s, `
    + `then up to ${model.ttlSeconds} s of cached answers: failover ≤ ${model.failoverSeconds} s`);
  if (dnsAnswer instanceof DnsUnreachable) deps.log(`note: ${dnsAnswer.message}: the DNS phase is skipped`);
  if (dnsAnswer === false) {
    deps.log(`note: ${scope.domainName} does not resolve to ${scope.region} from here (latency routing picks a nearer region); the DNS phase is skipped`);
  }
  return { record: failRecord(read), model, dnsMeasured: dnsAnswer === true };
}

/** Whether DNS answers the drilled region now, or why the resolver could not say. */
function answersRegion(run: DrillRun): Promise<boolean | DnsUnreachable> {
  const { deps, scope } = run;
  return pointsAt(deps.dns, scope.domainName, scope.target.customDomainTarget).catch((error: unknown) => {
    if (error instanceof DnsUnreachable) return error;
    throw error;
  });
}

/** Waits until DNS answers the region (`wanted` true) or no longer does; a resolver that stops answering is waited out, said once. */
function waitForDns(run: DrillRun, what: string, wanted: boolean): Promise<void> {
  let said = '';
  return run.waitFor(what, async () => {
    const answer = await answersRegion(run);
    if (answer instanceof DnsUnreachable && answer.message !== said) {
      said = answer.message;
      run.deps.log(`  note: ${said}; still waiting`);
    }
    return answer === wanted;
  });
}

/** Sets STATUS=fail, then times the health check turning unhealthy and the DNS answer leaving the region. */
export async function failAndMeasure(run: DrillRun, pre: Preflight): Promise<void> {
  const { deps, scope, limits } = run;
  const { healthCheckId } = scope.target;
  const start = deps.clock.now();
  deps.log(`setting ${STATUS_VARIABLE}=fail on ${scope.target.healthFunctionName} in ${scope.region}`);
  await setFailStatus(run, pre.record);
  run.mark('status-applied', start, 'STATUS=fail applied');
  let lastShare = -1;
  await run.waitFor(`health check ${healthCheckId} to turn unhealthy`, async () => {
    const observations = await observe(deps.route53, limits, healthCheckId);
    const share = healthyShare(observations);
    if (share !== lastShare) deps.log(`  checkers reporting healthy: ${Math.round(share * 100)}% of ${observations.length}`);
    lastShare = share;
    return !isHealthy(observations);
  });
  run.mark('unhealthy', start, 'health check unhealthy', `≤ ${detectionSeconds(pre.model)} s after the function fails`);
  if (!pre.dnsMeasured) return;
  await waitForDns(run, `${scope.domainName} to stop answering ${scope.region}`, false);
  run.mark('dns-moved', start, `DNS answer left ${scope.region}`, `≤ ${pre.model.failoverSeconds} s (failover_seconds)`);
}

/** Sets STATUS back (only STATUS), says what it found, and what others changed meanwhile. */
export async function restore(run: DrillRun, record: FailRecord, whyStopped: unknown): Promise<void> {
  const { deps, scope } = run;
  const fn = scope.target.healthFunctionName;
  const start = deps.clock.now();
  if (whyStopped) deps.log(`stopping (${(whyStopped as Error).message}); restoring ${STATUS_VARIABLE}`);
  const outcome = await restoreStatus({
    lambda: deps.lambda, clock: deps.clock, region: scope.region, functionName: fn, callTimeoutMs: scope.callTimeoutMs,
    status: record.statusBefore, lastSeen: record.lastSeen, failConfirmed: record.failConfirmed,
  }, whyStopped);
  run.record('restored', start);
  deps.log({
    restored: `restored ${statusSetting(outcome.status)} on ${fn}`,
    already: `${STATUS_VARIABLE} on ${fn} is ${outcome.status ?? 'unset'} already: nothing to restore`,
    left: `${STATUS_VARIABLE} on ${fn} is "${outcome.status}", set by someone else during the drill: left as it is`,
  }[outcome.result]);
  if (outcome.othersChanged.length > 0) {
    deps.log(`  note: ${fn} changed during the drill, not by it (${outcome.othersChanged.join('; ')}): kept`
      + (outcome.result === 'restored' ? `, only ${STATUS_VARIABLE} set back` : ''));
  }
}

/** Times the health check turning healthy again, and DNS answering the region again. */
export async function recover(run: DrillRun, pre: Preflight): Promise<void> {
  const { deps, scope, limits } = run;
  const { healthCheckId } = scope.target;
  const start = deps.clock.now();
  await run.waitFor(`health check ${healthCheckId} to recover`, async () => isHealthy(await observe(deps.route53, limits, healthCheckId)));
  run.mark('healthy-again', start, 'health check healthy again', `≈ ${detectionSeconds(pre.model)} s after restore`);
  if (!pre.dnsMeasured) return;
  await waitForDns(run, `${scope.domainName} to answer ${scope.region} again`, true);
  run.mark('dns-back', start, `DNS answers ${scope.region} again`, `≤ ${pre.model.failoverSeconds} s after restore`);
}
