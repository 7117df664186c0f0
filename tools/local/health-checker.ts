import { request } from 'http';
import { CheckOutcome, HealthState, INITIAL_HEALTH, judge, nextHealth } from './health-state';
import { HealthCheckModel } from './model';

/** Route 53 fails a check whose endpoint has not answered within two seconds; handlers run in real time, so unscaled. */
export const ANSWER_WINDOW_MS = 2000;

export interface HealthTransition {
  readonly check: HealthCheckModel;
  readonly healthy: boolean;
  readonly outcome: CheckOutcome;
  readonly at: Date;
}

/** One Route 53 health check against a local regional server, its request interval divided by `timeScale`. */
export class HealthChecker {
  private state: HealthState = INITIAL_HEALTH;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private last: CheckOutcome | undefined;

  constructor(
    readonly check: HealthCheckModel,
    private readonly baseUrl: string,
    private readonly timeScale: number,
    private readonly onTransition: (transition: HealthTransition) => void,
  ) {}

  get healthy(): boolean {
    return this.state.healthy;
  }

  get lastOutcome(): CheckOutcome | undefined {
    return this.last;
  }

  get intervalMs(): number {
    return (this.check.requestInterval * 1000) / this.timeScale;
  }

  start(): void {
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private async loop(): Promise<void> {
    if (!this.running) return;
    const started = Date.now();
    const outcome = await probe(new URL(this.check.resourcePath, this.baseUrl), this.check);
    if (!this.running) return;
    this.last = outcome;
    const before = this.state.healthy;
    this.state = nextHealth(this.state, outcome, this.check.failureThreshold);
    if (this.state.healthy !== before) this.onTransition({ check: this.check, healthy: this.state.healthy, outcome, at: new Date() });
    this.timer = setTimeout(() => void this.loop(), Math.max(0, this.intervalMs - (Date.now() - started)));
  }
}

function probe(url: URL, check: HealthCheckModel): Promise<CheckOutcome> {
  return new Promise((resolve) => {
    // The check's name as Host, as the connection to it would carry (SNI and Host pick the custom domain).
    const req = request(url, { method: 'GET', timeout: ANSWER_WINDOW_MS, agent: false, headers: { host: check.host } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve(judge(check, response.statusCode ?? 0, Buffer.concat(chunks))));
      response.on('error', (error) => resolve({ ok: false, detail: error.message }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${ANSWER_WINDOW_MS} ms`)));
    req.on('error', (error) => resolve({ ok: false, detail: error.message }));
    req.end();
  });
}
