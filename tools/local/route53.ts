import { HEALTH_SEARCH_STRING } from '../../src/contract';
import { isCheckHealthy } from './check-status';
import { LocalCloudWatch } from './cloudwatch';
import { HealthChecker, HealthTransition } from './health-checker';
import { answerSet, chooseRecord } from './latency-routing';
import { LatencyRecordModel, LocalStackModel } from './model';

/**
 * Route 53 for the local run: the endpoint checks' checker fleets, the CLOUDWATCH_METRIC checks (reading the local
 * CloudWatch) and the CALCULATED checks over them, and the latency records' answer.
 */
export class LocalRoute53 {
  private readonly checkers = new Map<string, HealthChecker>();

  constructor(
    private readonly model: LocalStackModel,
    private readonly cloudWatch: LocalCloudWatch,
    private readonly latencyOrder: readonly string[],
  ) {}

  /** Starts probing every endpoint check's target (`regionUrls`: each region's local server). */
  start(regionUrls: ReadonlyMap<string, string>, timeScale: number, log: (line: string) => void): void {
    for (const check of this.model.healthChecks.values()) {
      const checker = new HealthChecker(check, regionUrls.get(check.targetRegion)!, timeScale, (t) => log(describeTransition(t)));
      this.checkers.set(check.id, checker);
      checker.start();
    }
  }

  stop(): void {
    this.checkers.forEach((checker) => checker.stop());
  }

  checker(id: string): HealthChecker | undefined {
    return this.checkers.get(id);
  }

  /** Whether Route 53 holds check `id` healthy now. */
  readonly isHealthy = (id: string): boolean => isCheckHealthy(id, {
    derived: this.model.derivedChecks,
    endpointHealthy: (checkId) => (this.model.healthChecks.has(checkId) ? this.checkers.get(checkId)?.healthy ?? true : undefined),
    alarmState: (alarmId) => this.cloudWatch.state(alarmId),
    lastKnown: (checkId) => {
      const check = this.model.derivedChecks.get(checkId);
      const known = check?.kind === 'alarm' ? this.cloudWatch.lastKnown(check.alarmId) : undefined;
      return known === undefined ? undefined : known === 'OK';
    },
  });

  /** The record a lookup of the latency records gets now. */
  answer(): LatencyRecordModel | undefined {
    return chooseRecord(this.model.records, this.latencyOrder, this.isHealthy);
  }

  /** Whether latency routing would answer with `region`'s record for some client now (healthy, or all fail open). */
  inAnswerSet(region: string): boolean {
    return answerSet(this.model.records, this.isHealthy).some((record) => record.targetRegion === region);
  }
}

function describeTransition({ check, healthy, outcome, healthyCheckers, checkers }: HealthTransition): string {
  const verdict = healthy ? 'HEALTHY' : 'UNHEALTHY';
  const name = check.searchString === HEALTH_SEARCH_STRING ? 'health check' : `check of ${check.resourcePath}`;
  const agreeing = healthy ? healthyCheckers : checkers - healthyCheckers;
  return `${check.targetRegion}: ${name} ${verdict} after ${check.failureThreshold} consecutive `
    + `${healthy ? 'successes' : 'failures'} at ${agreeing} of ${checkers} checkers (last: ${outcome.detail})`;
}
