import { UsageError } from '../cli/args';
import { DrillDeps, DrillRun, PhaseTiming } from './drill-run';
import { STATUS_VARIABLE } from './function-status';
import { FailoverModel } from './model';
import { RegionOutputs, StackOutputs } from './outputs';
import { failAndMeasure, preflight, recover, restore } from './phases';

export type { DrillDeps, PhaseTiming } from './drill-run';

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
    `2. set ${STATUS_VARIABLE}=fail on ${target.healthFunctionName} in ${region}, changing no other setting`,
    `3. poll Route 53 health check ${target.healthCheckId} until it is unhealthy (≤ 18% of checkers healthy)`,
    `4. resolve ${outputs.domainName} until the answer no longer points at ${target.customDomainTarget}`,
    `5. print each phase's time against the failover model (failover_seconds = ${outputs.failoverSeconds})`,
    `6. set ${STATUS_VARIABLE} back, keeping what others changed meanwhile (also on Ctrl-C, SIGTERM, --timeout or any error), `
      + 'then wait until the check is healthy again',
  ];
}

/**
 * Fails one region through its health function, measures the failover, and always sets STATUS back: preflight (read
 * only), fail and measure, restore, recover; whatever stops one, the restore runs if the drill changed anything.
 */
export async function runDrill(deps: DrillDeps, options: DrillOptions): Promise<DrillResult> {
  const run = new DrillRun(deps, {
    region: options.region,
    domainName: options.outputs.domainName,
    failoverSeconds: options.outputs.failoverSeconds,
    target: regionOf(options.outputs, options.region),
    pollMs: (options.pollSeconds ?? 5) * 1000,
    timeoutSeconds: options.timeoutSeconds ?? 900,
    callTimeoutMs: (options.callTimeoutSeconds ?? 15) * 1000,
  });
  try {
    const pre = await preflight(run);
    const failure = await failAndMeasure(run, pre).then(() => undefined, (error: unknown) => error);
    run.restoring = true;
    await restore(run, pre.record, failure);
    run.restoring = false;
    if (failure) throw failure;
    await recover(run, pre);
    return { model: pre.model, phases: run.phases, dnsMeasured: pre.dnsMeasured };
  } finally {
    run.finish();
  }
}
