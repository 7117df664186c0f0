import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { CallLimits } from '../aws/call';
import { Clock } from '../cli/clock';
import { DnsLookup } from './dns';
import { DrillInterrupted, DrillTimeout } from './errors';
import { STATUS_VARIABLE } from './function-status';
import { phaseLine } from './model';
import { RegionOutputs } from './outputs';

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

/** What one drill works on, and how long it may take. */
export interface DrillScope {
  readonly region: string;
  readonly domainName: string;
  readonly failoverSeconds: number;
  readonly target: RegionOutputs;
  readonly pollMs: number;
  readonly timeoutSeconds: number;
  readonly callTimeoutMs: number;
}

export interface PhaseTiming {
  readonly phase: 'status-applied' | 'unhealthy' | 'dns-moved' | 'restored' | 'healthy-again' | 'dns-back';
  /** Milliseconds since STATUS=fail was requested (recovery phases: since the restore was requested). */
  readonly elapsedMs: number;
}

/**
 * One drill's shared state: one signal stops everything it waits on (its deadline, --timeout, or Ctrl-C / SIGTERM);
 * the phases it measured; `finish()` releases the timer and the signal handlers.
 */
export class DrillRun {
  readonly phases: PhaseTiming[] = [];
  readonly limits: CallLimits;
  /** While the restore runs, an interrupt only says that the restore finishes first. */
  restoring = false;
  private readonly stop = new AbortController();
  private readonly deadline: number;
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(readonly deps: DrillDeps, readonly scope: DrillScope) {
    const timeoutMs = scope.timeoutSeconds * 1000;
    this.deadline = deps.clock.now() + timeoutMs;
    this.timer = setTimeout(() => this.stop.abort(new DrillTimeout(scope.timeoutSeconds)), timeoutMs);
    this.unsubscribe = deps.onInterrupt((signal) => {
      if (this.restoring) deps.log(`${signal}: restoring ${STATUS_VARIABLE} first, please wait`);
      this.stop.abort(new DrillInterrupted(signal));
    });
    this.limits = { signal: this.stop.signal, callTimeoutMs: scope.callTimeoutMs };
  }

  /** Checks `done` every poll until it holds; DrillTimeout naming `what` at the deadline. */
  async waitFor(what: string, done: () => Promise<boolean>): Promise<void> {
    const { clock } = this.deps;
    while (!(await done())) {
      if (clock.now() >= this.deadline) throw new DrillTimeout(this.scope.timeoutSeconds, what);
      await clock.sleep(Math.min(this.scope.pollMs, Math.max(0, this.deadline - clock.now())), this.stop.signal);
    }
  }

  /** Records `phase`, timed from `since`. */
  record(phase: PhaseTiming['phase'], since: number): number {
    const elapsedMs = this.deps.clock.now() - since;
    this.phases.push({ phase, elapsedMs });
    return elapsedMs;
  }

  /** Records `phase` and prints its line beside what the model expects. */
  mark(phase: PhaseTiming['phase'], since: number, label: string, model?: string): void {
    this.deps.log(phaseLine(label, this.record(phase, since), model));
  }

  finish(): void {
    clearTimeout(this.timer);
    this.unsubscribe();
  }
}
