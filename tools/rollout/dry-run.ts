import { Release } from './release';

/** One change a wave (or the final step) would make, as plan:change classifies it. */
export interface WaveChange {
  readonly address: string;
  /** The owning region, or `global`. */
  readonly region: string;
  /**
   * plan:change's kind: create, update, replace-create-before-destroy, replace-destroy-before-create, destroy, forget,
   * replace-forget.
   */
  readonly action: string;
  /**
   * plan:change's risks for it (`OUTAGE <rule>`, `WARNING <rule>`), and `STOP outside-wave` / `STOP not-in-any-wave`
   * where the rollout would stop; `; `-separated, `-` for none.
   */
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
    ...(changes.length === 0 ? ['  no changes'] : changes.map((c) => `  ${c.region.padEnd(16)}${c.action.padEnd(31)}${c.address}  ${c.risk}`)),
  ];
  return [
    ...plan.waves.flatMap((wave, index) => section(`wave ${index + 1} (${wave.regions.join(', ')}):`, wave.changes)),
    ...section('final step (global resources; then a full plan must show no change):', plan.final.changes),
  ];
}

/**
 * Why the rollout this plan previews would not go through, one line each: a wave's plan reaching outside its regions
 * (it stops before that apply), changes the waves leave for the final full plan, or an outage risk (plan:change's).
 */
export function wavePlanProblems(plan: WavePlan): string[] {
  const count = (changes: readonly WaveChange[], risk: string) => changes.filter((c) => c.risk.split('; ').some((r) => r.startsWith(risk))).length;
  const steps = [...plan.waves.map((wave, index) => ({ label: `wave ${index + 1}`, changes: wave.changes })), { label: 'the final step', changes: plan.final.changes }];
  return steps.flatMap(({ label, changes }) => {
    const [outside, left, outages] = ['STOP outside-wave', 'STOP not-in-any-wave', 'OUTAGE'].map((risk) => count(changes, risk));
    return [
      outside > 0 && `${label}: ${outside} change(s) outside its regions (STOP outside-wave): the rollout stops before applying it`,
      left > 0 && `${label}: the full plan still has ${left} change(s) no wave made (STOP not-in-any-wave): the rollout fails its last check`,
      outages > 0 && `${label}: ${outages} change(s) classified as an outage (OUTAGE)`,
    ].filter((line): line is string => typeof line === 'string');
  });
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
