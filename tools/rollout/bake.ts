import { Clock } from '../cli/clock';
import { RolloutInterrupted } from './errors';
import { Prober } from './probe';
import { GateReader, ProbeTarget, RegionSignals } from './target';

export interface BakeOptions {
  readonly label: string;
  readonly regions: readonly string[];
  /** The bake's time floor, model milliseconds. */
  readonly bakeMs: number;
  /** Requests each region must have seen before the bake can end. */
  readonly minRequests: number;
  /** Model milliseconds between two readings of the gates. */
  readonly pollMs: number;
  /** Share of failed requests above which the gate fails (the error-rate alarm's threshold). */
  readonly threshold: number;
  /** Real milliseconds one synthetic request may take. */
  readonly probeTimeoutMs: number;
}

export interface BakeDeps {
  readonly gates: GateReader;
  readonly probes: ReadonlyMap<string, ProbeTarget>;
  readonly prober: Prober;
  /** Model time (scaled for the local run). */
  readonly clock: Clock;
  readonly log: (line: string) => void;
}

export interface RegionCounts {
  /** Requests seen: the larger of what the region's metrics counted and the synthetic requests sent. */
  readonly requests: number;
  readonly failed: number;
}

export interface BakeResult {
  readonly passed: boolean;
  /** The signal that failed the gate, and its region. */
  readonly fired?: { readonly region: string; readonly signal: string };
  readonly counts: ReadonlyMap<string, RegionCounts>;
  readonly elapsedMs: number;
}

/** Synthetic requests one region gets at most per reading. */
export const MAX_PROBES_PER_READING = 25;

/**
 * Bakes a wave: until at least `bakeMs` passed and every region saw `minRequests` requests, reads the gates every
 * `pollMs` and sends synthetic requests where real traffic is short of the pace the request floor needs (at least one
 * per reading, so the served route is always tried). Fails at the first fired signal, at a gate that cannot be read,
 * or when failed requests exceed `threshold` of max(requests seen, minRequests). Rejects on interrupt.
 */
export async function bake(options: BakeOptions, deps: BakeDeps, signal: AbortSignal): Promise<BakeResult> {
  const start = deps.clock.now();
  const since = new Date();
  const tally = new Map(options.regions.map((region) => [region, new Tally()]));
  let lastLog = start;
  for (;;) {
    const elapsedMs = deps.clock.now() - start;
    await Promise.all(options.regions.map((region) => probe(region, tally.get(region)!, elapsedMs, options, deps, signal)));
    let readings: RegionSignals[];
    try {
      readings = await deps.gates.read(options.regions, since, signal);
    } catch (error) {
      if (signal.aborted || error instanceof RolloutInterrupted) throw signal.reason ?? error;
      return { passed: false, fired: { region: options.regions.join(', '), signal: `gates unreadable: ${(error as Error).message}` }, counts: countsOf(tally), elapsedMs };
    }
    readings.forEach((reading) => tally.get(reading.region)?.observe(reading));
    const fired = firstFailure(readings, tally, options);
    if (fired) return { passed: false, fired, counts: countsOf(tally), elapsedMs };
    const enough = [...tally.values()].every((t) => t.requests >= options.minRequests);
    if (elapsedMs >= options.bakeMs && enough) return { passed: true, counts: countsOf(tally), elapsedMs };
    if (deps.clock.now() - lastLog >= 60_000) {
      lastLog = deps.clock.now();
      deps.log(`  ${options.label} baking: ${Math.round(elapsedMs / 1000)} of ${options.bakeMs / 1000} s; ${describeCounts(countsOf(tally))}`);
    }
    await deps.clock.sleep(options.pollMs, signal);
  }
}

/** Requests and failures of one region: synthetic ones counted here, real ones from its metrics. */
class Tally {
  sent = 0;
  failedSent = 0;
  lastFailure?: string;
  metricRequests = 0;
  metricFailed = 0;

  get requests(): number {
    return Math.max(this.sent, this.metricRequests);
  }

  get failed(): number {
    return Math.max(this.failedSent, this.metricFailed);
  }

  observe(reading: RegionSignals): void {
    this.metricRequests = Math.max(this.metricRequests, reading.requests ?? 0);
    this.metricFailed = Math.max(this.metricFailed, reading.failedRequests ?? 0);
  }
}

async function probe(region: string, tally: Tally, elapsedMs: number, options: BakeOptions, deps: BakeDeps, signal: AbortSignal): Promise<void> {
  const target = deps.probes.get(region);
  if (!target) return;
  const due = Math.ceil(options.minRequests * Math.min(1, options.bakeMs > 0 ? elapsedMs / options.bakeMs : 1));
  const count = Math.min(MAX_PROBES_PER_READING, Math.max(1, due - tally.requests));
  const results = await Promise.all(Array.from({ length: count }, () => deps.prober(target, options.probeTimeoutMs, signal)));
  if (signal.aborted) throw signal.reason;
  for (const result of results) {
    tally.sent += 1;
    if (!result.ok) {
      tally.failedSent += 1;
      tally.lastFailure = result.detail;
    }
  }
}

function firstFailure(readings: readonly RegionSignals[], tally: ReadonlyMap<string, Tally>, options: BakeOptions): BakeResult['fired'] {
  const signalled = readings.find((reading) => reading.fired.length > 0);
  if (signalled) return { region: signalled.region, signal: signalled.fired[0] };
  for (const [region, t] of tally) {
    if (t.failed > options.threshold * Math.max(t.requests, options.minRequests)) {
      const last = t.lastFailure ? `; last: ${t.lastFailure}` : '';
      return { region, signal: `${t.failed} of ${t.requests} requests failed, more than ${options.threshold * 100}%${last}` };
    }
  }
  return undefined;
}

function countsOf(tally: ReadonlyMap<string, Tally>): Map<string, RegionCounts> {
  return new Map([...tally].map(([region, t]) => [region, { requests: t.requests, failed: t.failed }]));
}

export function describeCounts(counts: ReadonlyMap<string, RegionCounts>): string {
  return [...counts].map(([region, c]) => `${region} ${c.requests} requests, ${c.failed} failed`).join('; ');
}
