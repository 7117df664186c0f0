import { ProviderPlacement, stateFromPlan } from '../prior-state/build';
import { ValuesPlan } from '../prior-state/plan-values';
import { resolveReferences, StackResources } from '../prior-state/resolve-references';
import { ResourceSchemas } from '../prior-state/schema';
import { StateFile, StateResource } from '../prior-state/state-file';

export interface FoldOptions {
  readonly schemas: ResourceSchemas;
  readonly terraformVersion: string;
  /** The resources of the configuration the plan was made from (cdk.tf.json's `resource`). */
  readonly resources: StackResources;
}

const instanceAddress = (resource: StateResource, index: string | number | undefined): string =>
  `${resource.type}.${resource.name}${index === undefined ? '' : `[${JSON.stringify(index)}]`}`;

/** `state` with only the instances `keep` accepts (by instance address); resources left with none are dropped. */
function filterInstances(state: StateFile, keep: (address: string) => boolean): StateFile {
  const resources = state.resources
    .map((r) => ({ ...r, instances: r.instances.filter((i) => keep(instanceAddress(r, i.index_key))) }))
    .filter((r) => r.instances.length > 0);
  return { ...state, resources };
}

/**
 * The state an apply of `plan` (typically a targeted one) leaves behind, offline. Every instance the plan changes or
 * keeps takes its planned values; destroyed and forgotten ones leave; instances the plan does not hold stay as they
 * were. What only the apply knows (unknown values):
 * - updated in place: the prior value. AWS keeps an object's id, ARN and computed settings across an in-place update.
 * - created or replaced: the prior-state builder's realistic placeholders (an ARN from the NEW name, ...), never the
 *   old object's values: a replacement deletes that object, so nothing may go on pointing at it.
 * Then the touched instances' references are resolved against the result (an integration's `uri` takes the replaced
 * function's new invoke ARN, a stage's `deployment_id` the new deployment's id). Root outputs stay as they were:
 * targeted applies leave them (the rollout applies them at the end).
 */
export function stateAfterApply(prior: StateFile, plan: ValuesPlan & ProviderPlacement, options: FoldOptions): StateFile {
  const changes = (plan.resource_changes ?? []).filter((c) => c.mode === 'managed');
  const touched = new Set(changes.map((c) => c.address));
  const fresh = new Set(changes.filter((c) => c.change.actions.includes('create')).map((c) => c.address));
  const kept = filterInstances(prior, (address) => !touched.has(address));
  const fallback = filterInstances(prior, (address) => touched.has(address) && !fresh.has(address));
  const planned = stateFromPlan(plan, options.schemas, options.terraformVersion, prior.lineage, fallback);
  const byAddress = new Map<string, StateResource>(kept.resources.map((r) => [`${r.type}.${r.name}`, r]));
  for (const resource of planned.resources) {
    const address = `${resource.type}.${resource.name}`;
    const existing = byAddress.get(address);
    byAddress.set(address, existing ? { ...resource, instances: [...existing.instances, ...resource.instances] } : resource);
  }
  const state: StateFile = { ...prior, serial: prior.serial + 1, resources: [...byAddress.values()] };
  resolveReferences(state, touchedResources(options.resources, planned.resources));
  return state;
}

/** The configuration of the resources the plan touched only: the others keep what their own apply gave them. */
function touchedResources(resources: StackResources, touched: readonly StateResource[]): StackResources {
  const subset: StackResources = {};
  for (const { type, name } of touched) {
    const args = resources[type]?.[name];
    if (args) subset[type] = { ...subset[type], [name]: args };
  }
  return subset;
}
