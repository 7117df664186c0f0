import { Release } from './release';

/** One apply: `release` to exactly `regions`. */
export interface ApplyStep {
  /** What the regions serve once the step is applied. */
  readonly release: Release;
  /**
   * What they serve before it: its resources of these regions are targeted too, so a resource `release` removes
   * is destroyed in its region's step (a rollback swaps the two).
   */
  readonly from: Release;
  readonly regions: readonly string[];
  /** Names the step in messages: `wave 1`, `rollback`. */
  readonly label: string;
}

/** What one region's gate saw in one reading. */
export interface RegionSignals {
  readonly region: string;
  /** The gate signals that fired, one line each (`error-rate alarm multi-region-api-error-rate-us-west-2 is ALARM`). */
  readonly fired: readonly string[];
  /** Requests and failed (5xx) requests the region's own metrics counted since the bake began, when the target has them. */
  readonly requests?: number;
  readonly failedRequests?: number;
  /** Whether the region's latency records answer now (the check they carry is healthy); undefined: not known (yet). */
  readonly inDns?: boolean;
}

/** Reads the gates of a set of regions; every read is bounded and stops when `signal` aborts. */
export interface GateReader {
  read(regions: readonly string[], since: Date, signal: AbortSignal): Promise<RegionSignals[]>;
}

/** Where synthetic requests for a region go: a URL, and the Host header to send when it is not the URL's host. */
export interface ProbeTarget {
  readonly url: string;
  readonly host?: string;
}

/**
 * What the rollout drives: Terraform against AWS (terraform-target.ts) or the local run (local-target.ts); tests
 * use fakes. An apply is whole: once `apply` starts changing anything it finishes, whatever `signal` says; `signal`
 * only stops it before that point (then it rejects with the signal's reason).
 */
export interface Target {
  /** One line naming where releases go, for the report. */
  readonly description: string;
  /** How many model seconds pass in one real second: 1 for AWS, the local run's `--time-scale`. */
  timeScale(signal: AbortSignal): Promise<number>;
  /** The release id each region serves now, as far as the target knows (undefined: unknown). */
  whatRunsWhere(regions: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, string | undefined>>;
  apply(step: ApplyStep, signal: AbortSignal): Promise<void>;
  /**
   * After the last wave: applies `release`'s global resources that no wave needed, then proves the whole release
   * plans no resource change (the waves covered everything). Rejects with a RolloutError naming what is left.
   */
  finish(release: Release, previous: Release, signal: AbortSignal): Promise<void>;
  /** The gate reader for `regions` once `release` is applied to them (names and ids resolved now). */
  gates(release: Release, regions: readonly string[], signal: AbortSignal): Promise<GateReader>;
  /** Where synthetic requests to `region` go while it serves `release`. */
  probeTarget(release: Release, region: string, signal: AbortSignal): Promise<ProbeTarget>;
}
