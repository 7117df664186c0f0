import { fillInstance } from './fill';
import { InstanceChange, PlannedInstance, resourceAddress, ValuesPlan } from './plan-values';
import { ResourceSchemas } from './schema';
import { lineageFor, providerAddress, sensitivePaths, StateFile, StateInstance, StateResource } from './state-file';

/** The plan's configuration, as far as placing an instance needs: its provider key and that provider's region. */
export interface ProviderPlacement {
  readonly configuration: ValuesPlan['configuration'] & {
    readonly provider_config?: Record<string, { readonly expressions?: { readonly region?: { readonly constant_value?: unknown } } }>;
  };
}

function placement(plan: ValuesPlan & ProviderPlacement): (address: string) => { providerKey: string; region: string } {
  const keys = new Map((plan.configuration.root_module.resources ?? []).map((r) => [r.address, r.provider_config_key]));
  return (address) => {
    const providerKey = keys.get(resourceAddress(address)) ?? 'aws';
    const region = plan.configuration.provider_config?.[providerKey]?.expressions?.region?.constant_value;
    return { providerKey, region: typeof region === 'string' ? region : 'us-east-1' };
  };
}

function changesByAddress(plan: ValuesPlan): Map<string, InstanceChange> {
  return new Map((plan.resource_changes ?? []).map((c) => [c.address, c]));
}

function instanceOf(planned: PlannedInstance, change: InstanceChange | undefined, schemas: ResourceSchemas, region: string,
  prior?: StateInstance): StateInstance {
  const ctx = { address: planned.address, type: planned.type, region, values: planned.values };
  const attributes = fillInstance(planned.values, change?.change.after_unknown, schemas[planned.type]?.block, ctx, prior?.attributes);
  return {
    ...(planned.index !== undefined && { index_key: planned.index }),
    schema_version: planned.schema_version,
    attributes,
    sensitive_attributes: sensitivePaths(planned.sensitive_values ?? {}),
  };
}

/** Known output values with their types, as the state stores them. */
function knownOutputs(plan: ValuesPlan, prior: StateFile['outputs'] = {}): StateFile['outputs'] {
  const outputs = { ...prior };
  for (const [name, output] of Object.entries(plan.planned_values.outputs ?? {})) {
    if (output.type !== undefined && output.value !== undefined) {
      outputs[name] = { value: output.value, type: output.type, ...(output.sensitive && { sensitive: true }) };
    }
  }
  return outputs;
}

/**
 * State (format 4) holding every managed instance a plan would leave behind: the planned values, with what only the
 * apply knows filled in from `prior` when given (a previous round), else with realistic placeholders.
 */
export function stateFromPlan(plan: ValuesPlan & ProviderPlacement, schemas: ResourceSchemas, terraformVersion: string, seed: string,
  prior?: StateFile): StateFile {
  const place = placement(plan);
  const changes = changesByAddress(plan);
  const priorInstances = new Map<string, StateInstance>();
  for (const r of prior?.resources ?? []) {
    for (const i of r.instances) priorInstances.set(instanceKey(`${r.type}.${r.name}`, i.index_key), i);
  }
  const resources = new Map<string, StateResource>();
  for (const planned of plan.planned_values.root_module.resources ?? []) {
    if (planned.mode !== 'managed') continue;
    const address = resourceAddress(planned.address);
    const { providerKey, region } = place(planned.address);
    const resource = resources.get(address)
      ?? { mode: 'managed' as const, type: planned.type, name: planned.name, provider: providerAddress(providerKey), instances: [] };
    resource.instances.push(instanceOf(planned, changes.get(planned.address), schemas, region, priorInstances.get(instanceKey(address, planned.index))));
    resources.set(address, resource);
  }
  return {
    version: 4,
    terraform_version: terraformVersion,
    serial: (prior?.serial ?? 0) + 1,
    lineage: prior?.lineage ?? lineageFor(seed),
    outputs: knownOutputs(plan, prior?.outputs),
    resources: [...resources.values()],
    check_results: null,
  };
}

function instanceKey(address: string, index: string | number | undefined): string {
  return index === undefined ? address : `${address}[${JSON.stringify(index)}]`;
}
