import { AwsGateClients, awsGateReader, AwsRegionGates } from './aws-gates';
import { ApplyFailed, PlanScopeError, RolloutError } from './errors';
import { changesOutsideScope, describeOutsideScope, ownedChanges, OwnedChange } from './plan-scope';
import { helloUrl, regionGateNames } from './region-gates';
import { Release } from './release';
import { globalTargets, targetFlags, waveTargets } from './targets';
import { ApplyStep, GateReader, ProbeTarget, Target } from './target';
import { TerraformCli } from './terraform-command';
import { ShownPlan, TerraformWorkspace } from './terraform-workspace';
import { readWhereRecord, recordWhere } from './where-record';

export interface TerraformTargetOptions {
  /** Holds `work/` (one folder per release) and `regions.json` (which release each region was given). */
  readonly stateDir: string;
  readonly cli: TerraformCli;
  readonly clients: AwsGateClients;
  readonly callTimeoutMs: number;
}

const STEP_PLAN = 'rollout-step.tfplan';
const GLOBAL_PLAN = 'rollout-global.tfplan';
const FULL_PLAN = 'rollout-full.tfplan';

/**
 * Releases applied with Terraform, one targeted apply per step: `terraform plan -target=<every address either release
 * gives the step's regions> -out`, the plan checked (nothing of another region may change: stopped before applying,
 * naming it), then `terraform apply <plan>`. Each apply is Terraform's own dependency graph over one synthesized
 * configuration; state never holds a configuration nobody synthesized; a rollback is the same with the releases
 * swapped. Gates read AWS (aws-gates.ts) with the check ids from the state.
 */
export class TerraformTarget implements Target {
  readonly description: string;
  private readonly workspaces = new Map<string, TerraformWorkspace>();

  constructor(private readonly options: TerraformTargetOptions) {
    this.description = `Terraform with each release's backend (work folders in ${options.stateDir}/work)`;
  }

  async timeScale(): Promise<number> {
    return 1;
  }

  async whatRunsWhere(regions: readonly string[]): Promise<ReadonlyMap<string, string | undefined>> {
    const record = readWhereRecord(this.options.stateDir);
    return new Map(regions.map((region) => [region, record[region]?.release]));
  }

  async apply(step: ApplyStep, signal: AbortSignal): Promise<void> {
    const workspace = this.workspace(step.release);
    await workspace.init(signal);
    workspace.writeExtraProviders(missingProviders(step));
    try {
      const targets = waveTargets(step.regions, [step.release.attribution, step.from.attribution]);
      const plan = await workspace.plan(STEP_PLAN, targetFlags(targets), signal);
      const scope = { regions: step.regions, allowGlobal: true, attributions: [step.release.attribution, step.from.attribution] };
      const outside = changesOutsideScope(plan, scope);
      if (outside.length > 0) throw new PlanScopeError(describeOutsideScope(step.label, outside));
      this.options.cli.log(`  ${step.label}: ${summarize(ownedChanges(plan, scope.attributions))}`);
      if (signal.aborted) throw signal.reason;
      await this.applyPlan(workspace, STEP_PLAN, step.label);
      recordWhere(this.options.stateDir, step.release, step.regions);
    } finally {
      workspace.writeExtraProviders([]);
    }
  }

  async finish(release: Release, previous: Release, signal: AbortSignal): Promise<void> {
    const workspace = this.workspace(release);
    const attributions = [release.attribution, previous.attribution];
    const global = await workspace.plan(GLOBAL_PLAN, targetFlags(globalTargets(attributions)), signal);
    const outside = changesOutsideScope(global, { regions: [], allowGlobal: true, attributions });
    if (outside.length > 0) throw new PlanScopeError(describeOutsideScope('the final global step', outside));
    if (ownedChanges(global, attributions).length > 0) await this.applyPlan(workspace, GLOBAL_PLAN, 'the final global step');
    const full = await workspace.plan(FULL_PLAN, [], signal);
    const left = ownedChanges(full, attributions);
    if (left.length > 0) {
      throw new RolloutError(`the full plan of ${release.dir} still changes ${left.length} resource(s) (${left.slice(0, 3).map((c) => c.address).join(', ')}`
        + `${left.length > 3 ? ', ...' : ''}): the waves did not cover them; the release is not saved as --previous`);
    }
    // Targeted applies leave the root outputs (which span every region) as they were: one apply of outputs only.
    if (hasOutputChanges(full)) await this.applyPlan(workspace, FULL_PLAN, 'outputs');
    recordWhere(this.options.stateDir, release, [...Object.keys(release.manifest.regions), ...release.manifest.retiredRegions]);
  }

  async gates(release: Release, regions: readonly string[], signal: AbortSignal): Promise<GateReader> {
    const state = await this.workspace(release).stateValues(signal);
    const id = (address: string | undefined) => (address ? state.get(address)?.id as string | undefined : undefined);
    const gates = new Map<string, AwsRegionGates>(regions.map((region) => {
      const names = regionGateNames(release, region);
      return [region, { names, healthRouteCheckId: id(names.healthRouteCheck), servedRouteCheckId: id(names.servedRouteCheck), dnsCheckId: id(names.dnsCheck) }];
    }));
    return awsGateReader(gates, this.options.clients, this.options.callTimeoutMs);
  }

  async probeTarget(release: Release, region: string, signal: AbortSignal): Promise<ProbeTarget> {
    const names = regionGateNames(release, region);
    if (names.hostname) return { url: helloUrl(names, () => undefined) };
    const state = await this.workspace(release).stateValues(signal);
    return { url: helloUrl(names, (address, attribute) => state.get(address)?.[attribute]) };
  }

  private async applyPlan(workspace: TerraformWorkspace, file: string, label: string): Promise<void> {
    try {
      await workspace.apply(file);
    } catch (error) {
      throw new ApplyFailed(`${label}: ${(error as Error).message}`);
    }
  }

  private workspace(release: Release): TerraformWorkspace {
    let workspace = this.workspaces.get(release.key);
    if (!workspace) {
      workspace = new TerraformWorkspace(this.options.cli, release, this.options.stateDir);
      this.workspaces.set(release.key, workspace);
    }
    return workspace;
  }
}

/** Provider blocks of the step's regions that only `from` has (rolling back a region the new release added). */
export function missingProviders(step: ApplyStep): unknown[] {
  const has = new Set(step.release.model.awsProviders.map((p) => p.alias));
  return step.from.model.awsProviders.filter((p) => p.alias !== undefined && step.regions.includes(p.alias) && !has.has(p.alias));
}

/** `3 to create, 2 to update in us-west-2; 1 to update global` */
export function summarize(changes: readonly OwnedChange[]): string {
  if (changes.length === 0) return 'no changes';
  const counts = new Map<string, number>();
  for (const change of changes) {
    const key = `${change.actions.join('-then-')} ${change.owner}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${count} ${key.replace(' ', ' in ')}`).join(', ');
}

function hasOutputChanges(plan: ShownPlan): boolean {
  return Object.values(plan.output_changes ?? {}).some((change) => !change.actions.every((action) => action === 'no-op'));
}
