import { Change, ChangePlanJson } from './changes';

/** `outage`: users would see errors or lose a region; `warning`: a shift or a side effect worth a reviewer's look. */
export type Severity = 'outage' | 'warning';

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  readonly scope: string;
  /** The change the finding is about (its row gets the risk). */
  readonly address: string;
  readonly message: string;
}

/** One risk: what users would feel from some shape of change. */
export interface RiskRule {
  readonly id: string;
  readonly check: (changes: readonly Change[], plan: ChangePlanJson) => Finding[];
}

export const inScope = (changes: readonly Change[], scope: string, type: string): Change[] =>
  changes.filter((c) => c.scope === scope && c.type === type);
