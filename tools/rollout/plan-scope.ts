import { GLOBAL, RegionAttribution } from '../stack-model/region-attribution';
import { configAddress, PlanJson } from '../terraform/plan-json';

/** One planned change of a managed resource (no-ops and reads left out), with the region that owns it. */
export interface OwnedChange {
  readonly address: string;
  /** A region, GLOBAL, or `unknown` when neither release has the resource. */
  readonly owner: string;
  readonly actions: readonly string[];
}

/** What a step may change: its regions' resources, and global ones only when `allowGlobal`. */
export interface PlanScope {
  readonly regions: readonly string[];
  readonly allowGlobal: boolean;
  /** The releases whose attribution names owners, first match wins (the applied release, then the other one). */
  readonly attributions: readonly RegionAttribution[];
}

/** Every managed resource change of a `terraform show -json` plan that does something, with its owner. */
export function ownedChanges(plan: PlanJson, attributions: readonly RegionAttribution[]): OwnedChange[] {
  const changes = plan.resource_changes ?? [];
  return changes
    .filter((change) => change.mode === 'managed')
    .filter((change) => !change.change.actions.every((action) => action === 'no-op' || action === 'read'))
    .map((change) => {
      const address = configAddress(change.address);
      const owner = attributions.map((a) => a.owners.get(address)).find((o) => o !== undefined) ?? 'unknown';
      return { address: change.address, owner, actions: change.change.actions };
    });
}

/**
 * The changes of `plan` outside `scope`: another region's resource, a global one where none is allowed, or one
 * neither release knows. Terraform plans only the targets and what they depend on, so a global resource in a wave's
 * plan is a dependency of the wave (a new region's validation records); anything of another region stops the wave.
 */
export function changesOutsideScope(plan: PlanJson, scope: PlanScope): OwnedChange[] {
  return ownedChanges(plan, scope.attributions).filter((change) =>
    !(scope.regions.includes(change.owner) || (scope.allowGlobal && change.owner === GLOBAL)));
}

/** One line naming what a step's plan would change outside its scope (at most three, then a count). */
export function describeOutsideScope(label: string, outside: readonly OwnedChange[]): string {
  const named = outside.slice(0, 3).map((c) => `${c.address} (${c.owner}: ${c.actions.join('/')})`);
  const more = outside.length > 3 ? ` and ${outside.length - 3} more` : '';
  return `${label}: the plan would also change ${named.join(', ')}${more}; stopped before applying anything`;
}
