import { HealthCheckModel } from './model';

/** Route 53 reads only this much of the body when looking for the search string. */
export const SEARCH_WINDOW_BYTES = 5120;

export interface CheckOutcome {
  readonly ok: boolean;
  /** e.g. `HTTP 200`, `HTTP 503`, `search string "ok" not found`, `timeout`. */
  readonly detail: string;
}

export interface HealthState {
  readonly healthy: boolean;
  /** Consecutive outcomes that disagree with `healthy`; reaching the threshold flips it. */
  readonly streak: number;
}

/** A new health check counts as healthy until it has failed `failure_threshold` times in a row. */
export const INITIAL_HEALTH: HealthState = { healthy: true, streak: 0 };

/** One check's verdict as Route 53 judges it: 2xx/3xx, and for *_STR_MATCH the search string in the first 5,120 bytes. */
export function judge(check: Pick<HealthCheckModel, 'type' | 'searchString'>, status: number, body: Buffer): CheckOutcome {
  if (status < 200 || status >= 400) return { ok: false, detail: `HTTP ${status}` };
  if (check.type.endsWith('STR_MATCH')) {
    const window = body.subarray(0, SEARCH_WINDOW_BYTES).toString('utf8');
    if (!window.includes(check.searchString)) return { ok: false, detail: `HTTP ${status} without "${check.searchString}"` };
  }
  return { ok: true, detail: `HTTP ${status}` };
}

/** The state after one more outcome: `threshold` consecutive failures make it unhealthy, as many successes healthy. */
export function nextHealth(state: HealthState, outcome: CheckOutcome, threshold: number): HealthState {
  if (outcome.ok === state.healthy) return { healthy: state.healthy, streak: 0 };
  const streak = state.streak + 1;
  return streak >= threshold ? { healthy: !state.healthy, streak: 0 } : { healthy: state.healthy, streak };
}
