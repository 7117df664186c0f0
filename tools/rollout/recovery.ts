import { Clock } from '../cli/clock';
import { Release } from './release';
import { GateReader, Target } from './target';

export interface RecoveryOptions {
  readonly clock: Clock;
  readonly pollMs: number;
  /** Longest wait, model milliseconds. */
  readonly waitMs: number;
  /** Model milliseconds after the rollback before a clean reading counts: the error-rate alarm's window. */
  readonly settleMs: number;
  readonly log: (line: string) => void;
}

/**
 * After a rollback: reads the gates of `regions` (now on `release`) until none fires and none is out of DNS at least
 * `settleMs` after the rollback (earlier, the alarm may still judge the minutes the new release served), or until
 * `waitMs` passed; a gate that cannot be read is waited on too (CloudWatch hanging must not hold the exit). Resolves
 * with what it saw; rejects only on interrupt.
 */
export async function waitUntilRecovered(
  target: Target, release: Release, regions: readonly string[], options: RecoveryOptions, signal: AbortSignal,
): Promise<{ healthy: boolean; detail: string }> {
  if (regions.length === 0) return { healthy: true, detail: 'no region of the previous release to wait for' };
  const start = options.clock.now();
  let last = 'not read yet';
  let gates: GateReader | undefined;
  for (;;) {
    try {
      gates ??= await target.gates(release, regions, signal);
      const readings = await gates.read(regions, new Date(), signal);
      const failing = readings.filter((r) => r.fired.length > 0 || r.inDns === false);
      const elapsed = options.clock.now() - start;
      if (failing.length === 0 && elapsed >= options.settleMs) {
        const held = options.settleMs > 0 ? ` (read clean no earlier than ${options.settleMs / 1000} s after it, the error-rate alarm's window)` : '';
        return { healthy: true, detail: `healthy and in DNS again ${Math.round(elapsed / 1000)} s after the rollback${held}` };
      }
      last = failing.length === 0 ? 'clean, but inside the error-rate alarm\'s window' : failing.map((r) => `${r.region}: ${r.fired[0] ?? 'out of DNS'}`).join('; ');
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      last = `gates unreadable: ${(error as Error).message}`;
    }
    if (options.clock.now() - start >= options.waitMs) {
      return { healthy: false, detail: `not confirmed within ${options.waitMs / 1000} s: ${last}` };
    }
    await options.clock.sleep(options.pollMs, signal);
  }
}
