import { Release } from './release';

/** One change a wave (or the final step) would make, as plan:change classifies it. */
export interface WaveChange {
  readonly address: string;
  /** The owning region, or `global`. */
  readonly region: string;
  /** create, update, replace (create-before-destroy or not), destroy: plan:change's names. */
  readonly action: string;
  /** plan:change's risk for it (`-` for none). */
  readonly risk: string;
}

/** `--dry-run --json` prints exactly this. */
export interface WavePlan {
  readonly waves: ReadonlyArray<{ readonly regions: readonly string[]; readonly changes: readonly WaveChange[] }>;
  readonly final: { readonly changes: readonly WaveChange[] };
}

export interface WavePlanRequest {
  readonly to: Release;
  readonly previous: Release;
  readonly waves: readonly (readonly string[])[];
}

/**
 * Plans a rollout offline with the real provider (plan:change's machinery): each wave as the targeted plan the
 * rollout would make (tools/rollout/targets.ts, checked with plan-scope.ts) against the state the waves before it
 * leave, then the final step. `signal` stops it (SIGINT/SIGTERM).
 */
export interface WavePlanner {
  planWaves(request: WavePlanRequest, signal: AbortSignal): Promise<WavePlan>;
}

/** The dry run's text: per wave, then the final step, one line a change with its risk. */
export function renderWavePlan(plan: WavePlan): string[] {
  const section = (title: string, changes: readonly WaveChange[]) => [
    title,
    ...(changes.length === 0 ? ['  no changes'] : changes.map((c) => `  ${c.region.padEnd(16)}${c.action.padEnd(22)}${c.address}  ${c.risk}`)),
  ];
  return [
    ...plan.waves.flatMap((wave, index) => section(`wave ${index + 1} (${wave.regions.join(', ')}):`, wave.changes)),
    ...section('final step (global resources; then a full plan must show no change):', plan.final.changes),
  ];
}

/**
 * `--dry-run`: asks `planner` for the plan of every wave and prints it (JSON with `json`); `signal` is Ctrl-C. Changes
 * nothing; the planner is injected (default-planner.ts) so the CLI and the tests share this path.
 */
export async function runDryRun(planner: WavePlanner, request: WavePlanRequest, json: boolean, signal: AbortSignal, print: (text: string) => void): Promise<WavePlan> {
  const plan = await planner.planWaves(request, signal);
  print(json ? JSON.stringify(plan, null, 2) : renderWavePlan(plan).join('\n'));
  return plan;
}
