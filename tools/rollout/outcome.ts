import { RegionCounts } from './bake';

/** How a rollout ended; the exit code follows from it (cli.ts). */
export type OutcomeKind = 'rolled-out' | 'rolled-back' | 'stopped' | 'interrupted' | 'rollback-failed';

export const EXIT_CODES: Readonly<Record<OutcomeKind, number>> = {
  'rolled-out': 0,
  'rolled-back': 1,
  stopped: 1,
  'rollback-failed': 3,
  interrupted: 130,
};

export interface WaveRecord {
  readonly regions: readonly string[];
  /** Every region already served the release, its bake passed: nothing was done. */
  readonly skipped: boolean;
  /** Model seconds the bake took, and what it counted, when the wave was baked. */
  readonly bakedSeconds?: number;
  readonly counts?: Readonly<Record<string, RegionCounts>>;
  readonly passed?: boolean;
}

export interface RolloutOutcome {
  readonly kind: OutcomeKind;
  readonly waves: readonly WaveRecord[];
  /** The signal that failed a gate (or the apply that failed), and its region(s). */
  readonly fired?: { readonly region: string; readonly signal: string };
  /** Requests and failed requests seen in the failed wave's regions. */
  readonly counts?: Readonly<Record<string, RegionCounts>>;
  /** Each region that ran the new release during this run, and for how many model seconds. */
  readonly ranNewRelease: Readonly<Record<string, number>>;
  /** After a rollback: whether its regions were seen healthy and in DNS again, else why not. */
  readonly recovered?: { readonly healthy: boolean; readonly detail: string };
  /** The release id each region serves at the end (undefined: unknown). */
  readonly whereNow: Readonly<Record<string, string | undefined>>;
  /** What stopped it (stopped, rollback-failed, interrupted). */
  readonly message?: string;
  /** The model's time scale (1 on AWS): durations are model seconds. */
  readonly timeScale: number;
}
