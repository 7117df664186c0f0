import { Agent, request } from 'http';
import { HEALTHY_CHECKER_SHARE, ROUTE53_ANSWER_WINDOW_MS } from '../../src/aws/route53';
import { CheckOutcome, HealthState, INITIAL_HEALTH, judge, nextHealth } from './health-state';
import { HealthCheckModel } from './model';

/** Whether Route 53 holds an endpoint healthy when `healthy` of its `checkers` report it so (2 of 8 yes, 1 of 8 no). */
export function fleetHealthy(healthy: number, checkers: number): boolean {
  return healthy / checkers > HEALTHY_CHECKER_SHARE;
}

export interface HealthTransition {
  readonly check: HealthCheckModel;
  readonly healthy: boolean;
  readonly outcome: CheckOutcome;
  readonly at: Date;
  /** Checkers that report the endpoint healthy, of `checkers`. */
  readonly healthyCheckers: number;
  readonly checkers: number;
}

/** One checker region's prober: its own schedule and its own count of consecutive results. */
interface Checker {
  readonly region: string;
  state: HealthState;
  timer?: NodeJS.Timeout;
}

/**
 * One Route 53 health check against a local regional server: one checker per checker region, each probing every
 * request interval (divided by `timeScale`) from its own random phase, as Route 53's uncoordinated checkers do, and
 * each flipping after `failureThreshold` consecutive results. The endpoint is healthy while more than 18% of the
 * checkers say so.
 */
export class HealthChecker {
  private readonly checkers: Checker[];
  private endpointHealthy = true;
  private running = false;
  private last: CheckOutcome | undefined;
  // Checkers reuse their connections where Route 53's open one per probe: the same requests reach the API, at a
  // quarter of the CPU (hundreds of probes a second at a high time scale). Node drops a connection before the
  // server's keep-alive timeout would, so a probe never races a closing one.
  private readonly agent = new Agent({ keepAlive: true });

  constructor(
    readonly check: HealthCheckModel,
    private readonly baseUrl: string,
    private readonly timeScale: number,
    private readonly onTransition: (transition: HealthTransition) => void,
    private readonly random: () => number = Math.random,
  ) {
    this.checkers = check.checkerRegions.map((region) => ({ region, state: INITIAL_HEALTH }));
  }

  get healthy(): boolean {
    return this.endpointHealthy;
  }

  get lastOutcome(): CheckOutcome | undefined {
    return this.last;
  }

  get intervalMs(): number {
    return (this.check.requestInterval * 1000) / this.timeScale;
  }

  /** Checkers that currently report the endpoint healthy. */
  get healthyCheckers(): number {
    return this.checkers.filter((checker) => checker.state.healthy).length;
  }

  start(): void {
    this.running = true;
    for (const checker of this.checkers) this.scheduleAt(checker, Date.now() + this.random() * this.intervalMs);
  }

  stop(): void {
    this.running = false;
    for (const checker of this.checkers) clearTimeout(checker.timer);
    this.agent.destroy();
  }

  private scheduleAt(checker: Checker, at: number): void {
    checker.timer = setTimeout(() => void this.probeOnce(checker, at), Math.max(0, at - Date.now()));
  }

  /**
   * Sends one probe and schedules the checker's next one an interval after this one was due: on the checker's own
   * phase however long the answer took, or at once when the answer came back after that. One probe in flight per
   * checker: on a starved machine the checkers slow down with the servers instead of piling up requests on them, and a
   * checker that fell behind skips the probes it missed rather than sending them in a burst.
   */
  private async probeOnce(checker: Checker, scheduledAt: number): Promise<void> {
    if (!this.running) return;
    const outcome = await probe(new URL(this.check.resourcePath, this.baseUrl), this.check, this.agent);
    if (!this.running) return;
    this.last = outcome;
    checker.state = nextHealth(checker.state, outcome, this.check.failureThreshold);
    const healthyCheckers = this.healthyCheckers;
    const healthy = fleetHealthy(healthyCheckers, this.checkers.length);
    if (healthy !== this.endpointHealthy) {
      this.endpointHealthy = healthy;
      this.onTransition({ check: this.check, healthy, outcome, at: new Date(), healthyCheckers, checkers: this.checkers.length });
    }
    this.scheduleAt(checker, Math.max(scheduledAt + this.intervalMs, Date.now()));
  }
}

function probe(url: URL, check: HealthCheckModel, agent: Agent): Promise<CheckOutcome> {
  return new Promise((resolve) => {
    // The check's name as Host, as the connection to it would carry (SNI and Host pick the custom domain).
    // Handlers run in real time, so Route 53's answer window is not scaled.
    const req = request(url, { method: 'GET', timeout: ROUTE53_ANSWER_WINDOW_MS, agent, headers: { host: check.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(judge(check, response.statusCode ?? 0, Buffer.concat(chunks))));
      response.on('error', (error) => resolve({ ok: false, detail: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${ROUTE53_ANSWER_WINDOW_MS} ms`)));
    req.on('error', (error) => resolve({ ok: false, detail: error.message }));
    req.end();
  });
}
