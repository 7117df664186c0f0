import { mkdtempSync, rmSync } from 'fs';
import { join } from 'path';
import { API_STACK_NAME } from '../../../src/contract';
import { WaveChange, WavePlan, WavePlanRequest } from '../../rollout/dry-run';
import { Release } from '../../rollout/release';
import { TerraformBinary } from '../../terraform/find-terraform';
import { createTerraformSession } from '../../terraform/session';
import { BatchPlanJson } from '../batch';
import { cacheDir, Notice } from '../cache';
import { initFolder, providerSchemas } from '../init-folder';
import { priorStatesOf } from '../prior-states';
import { StackResources } from '../prior-state/resolve-references';
import { StateFile } from '../prior-state/state-file';
import { RunGuard } from '../run-guard';
import { StackFile } from '../synth-config';
import { RunContext } from '../targets';
import { stateAfterApply } from './fold';
import { stepChanges } from './step-changes';
import { RolloutStep, rolloutSteps } from './steps';
import { withoutSettled } from './settle';
import { StepMember, StepWorkspaces } from './step-workspaces';

export interface WavePlanOptions {
  readonly terraform: TerraformBinary;
  /** Ends this run's processes and removes its folders if it is stopped. @default a guard of its own */
  readonly guard?: RunGuard;
  readonly notice?: Notice;
  /** false: converge the previous releases' prior states even when cached. @default true */
  readonly reuseState?: boolean;
}

/** One step as planned: its plan (none when it had nothing to target) and the state its apply would leave. */
export interface PlannedStep {
  readonly step: RolloutStep;
  readonly plan?: BatchPlanJson;
  readonly changes: readonly WaveChange[];
  readonly stateAfter: StateFile;
}

export interface WaveRun {
  readonly plan: WavePlan;
  readonly steps: readonly PlannedStep[];
  readonly priorState: { readonly rounds: number; readonly cached: boolean };
}

/** A release's API stack, as plan:change reads a synthesized one. */
export function stackOf(release: Release): StackFile {
  return { name: API_STACK_NAME, dir: release.stackDir, model: release.model };
}

/**
 * Rollouts planned offline with the real provider, step by step as `npm run rollout` makes them: the previous
 * release's proven prior state (plan:change's, cached or converged), then each wave's targeted plan of the new release
 * against the state the waves before it leave (their applies simulated by `stateAfterApply`), then the final step
 * (steps.ts). Step k of every request is planned in one Terraform run (each request a module of one root,
 * as plan:change batches changes), so several rollouts cost about what one does.
 */
export async function planWaveSets(requests: readonly WavePlanRequest[], options: WavePlanOptions): Promise<WaveRun[]> {
  const guard = options.guard ?? new RunGuard();
  const cache = cacheDir();
  const workDir = mkdtempSync(join(cache, 'run-'));
  guard.holdFolder(workDir);
  try {
    const session = { ...createTerraformSession(options.terraform, { workDir }), processGroups: guard };
    // One prior state per distinct previous release (several rollouts from one deployed stack converge it once).
    const previous = [...new Map(requests.map((r) => [r.previous.key, r.previous])).values()];
    const froms = previous.map(stackOf);
    const context: RunContext = {
      session, cache, workDir, initDir: await initFolder(session, froms[0], cache, guard),
      terraform: options.terraform, reuseState: options.reuseState, notice: options.notice ?? (() => undefined),
    };
    const proven = await priorStatesOf(froms, [], new Map(), context);
    const priors = requests.map((r) => proven[previous.findIndex((p) => p.key === r.previous.key)]);
    const schemas = await providerSchemas(session, context.initDir, cache, context.notice);
    const members = requests.map((request, index): StepMember => ({
      stack: stackOf(request.to), steps: rolloutSteps(request), state: priors[index].state,
    }));
    const planned = await planSteps(members, await StepWorkspaces.create(context, members), (member, plan) =>
      stateAfterApply(member.state, plan, { schemas, terraformVersion: options.terraform.version, resources: resourcesOf(member.stack) }));
    return requests.map((_, index) => ({ plan: wavePlanOf(planned[index]), steps: planned[index], priorState: priors[index] }));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
    guard.releaseFolder(workDir);
  }
}

type Fold = (member: StepMember, plan: BatchPlanJson) => StateFile;

/**
 * Plans step k of every member in run k, folding its apply into the member's state. What only an apply knows is a
 * placeholder in a folded state (a new deployment's `triggers`, a hash over the objects it serves; a list of new check
 * ids): planning the same wave again against it lets the provider compute those values, as the prior state's
 * convergence does. That plan changes nothing real (nothing else happened in between), so it is folded in unreported.
 * It runs beside the next step, in the same Terraform run (settle.ts says why that is sound).
 */
async function planSteps(members: StepMember[], workspaces: StepWorkspaces, fold: Fold): Promise<PlannedStep[][]> {
  const results: PlannedStep[][] = members.map(() => []);
  const count = Math.max(...members.map((m) => m.steps.length));
  for (let k = 0; k < count; k++) {
    const runs = members.map((m) => ({ settle: k > 0 && m.steps[k - 1]?.kind === 'wave' ? m.steps[k - 1] : undefined, step: m.steps[k] }));
    const plans = await workspaces.plan(members, runs);
    members.forEach((member, index) => {
      const { settle, step } = plans[index];
      let state = member.state;
      if (settle) {
        state = fold(member, settle);
        results[index][k - 1] = { ...results[index][k - 1], stateAfter: state };
      }
      if (step) state = fold({ ...member, state }, step);
      if (runs[index].step) {
        const changes = step ? withoutSettled(stepChanges(step, runs[index].step!), runs[index].step!, settle) : [];
        results[index].push({ step: runs[index].step!, plan: step, changes, stateAfter: state });
      }
      members[index] = { ...member, state };
    });
  }
  return results;
}

const resourcesOf = (stack: StackFile): StackResources => (stack.model.json.resource ?? {}) as StackResources;

/** The dry run's answer: each wave's changes, and the final step's (global changes, and any the waves left: STOP). */
export function wavePlanOf(steps: readonly PlannedStep[]): WavePlan {
  return {
    waves: steps.filter((s) => s.step.kind === 'wave').map((s) => ({ regions: s.step.regions, changes: s.changes })),
    final: { changes: steps.filter((s) => s.step.kind === 'final').flatMap((s) => s.changes) },
  };
}
