import { TerraformBinary } from '../terraform/find-terraform';
import { planChangeSets } from './change-sets';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { Classification } from './risk/classify';

export interface ChangePlanResult {
  readonly classification: Classification;
  readonly plan: ChangePlanJson;
  readonly priorState: { readonly rounds: number; readonly cached: boolean };
  readonly mirror?: string;
}

/** One change to plan: a config file, and optionally a different prior state for it. */
export interface ChangeTarget {
  readonly config: string;
  /**
   * Changes the prior state before this plan, e.g. to add what an older version of the stack managed (an
   * upgrade). It gets a copy; the proven state is never changed.
   */
  readonly editState?: (state: StateFile) => StateFile;
}

export interface ChangePlanOptions {
  readonly from: string;
  readonly to: string;
  readonly terraform: TerraformBinary;
  /** false: build and prove the prior state even when the cache holds one (it is then cached anew). @default true */
  readonly reuseState?: boolean;
  /**
   * The compiled app that synthesizes `from` (the `dist/main.js` of the version the live stack was deployed with),
   * to plan an upgrade of this project itself. @default this checkout's dist/main.js
   */
  readonly fromApp?: string;
}

/**
 * Synthesizes both configs, builds (or reuses) a prior state the real provider plans as no changes for `from`,
 * plans `to` against it offline and classifies what changes: one set of `planChangeSets`.
 */
export async function planChange(options: ChangePlanOptions): Promise<ChangePlanResult> {
  const [[result]] = await planChangeSets([{ from: options.from, to: [options.to], fromApp: options.fromApp }], options);
  return result;
}
