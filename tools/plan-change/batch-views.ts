import { StateFile, StateResource } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { moduleName, outputsOf, rootOutput, without } from './batch-config';

// A batch's state and plan, and each stack's part of them as if it had been planned alone (see batch.ts).

type PlanChange = NonNullable<ChangePlanJson['resource_changes']>[number] & { module_address?: string; previous_address?: string };

/** One state holding each stack's state (in the order of the stacks), each stack's resources in its module. */
export function combinedState(states: readonly StateFile[]): StateFile {
  return {
    ...states[0],
    serial: 1,
    outputs: Object.fromEntries(states.flatMap((state, index) => Object.entries(state.outputs).map(([name, o]) => [rootOutput(index, name), o]))),
    resources: states.flatMap((state, index) => state.resources.map((r) => ({ ...r, module: `module.${moduleName(index)}` }))),
  };
}

/** One stack's part of a combined state, at root-module addresses again. */
export function memberState(combined: StateFile, index: number, lineage: string): StateFile {
  const module = `module.${moduleName(index)}`;
  return {
    ...combined,
    lineage,
    outputs: outputsOf(combined.outputs, index),
    resources: combined.resources.filter((r) => r.module === module).map((r): StateResource => {
      const resource = { ...r };
      delete resource.module;
      return resource;
    }),
  };
}

interface ModuleValues { readonly address?: string; readonly resources?: ReadonlyArray<{ readonly address: string }> }

/** The parts of `terraform show -json` of a batch plan that hold each module's view. */
interface BatchPlanJson {
  readonly resource_changes?: readonly unknown[];
  readonly format_version?: string;
  readonly terraform_version?: string;
  readonly planned_values?: { readonly root_module?: { readonly child_modules?: readonly ModuleValues[] }; readonly outputs?: StateFile['outputs'] };
  readonly configuration?: {
    readonly provider_config?: unknown;
    readonly root_module?: { readonly module_calls?: Record<string, { readonly module?: unknown }> };
  };
}

/** What `terraform show -json` of the batch plan says about one stack, as if that stack had been planned alone. */
export function memberPlan<T extends object>(plan: T, index: number): T {
  const module = `module.${moduleName(index)}`;
  const strip = (address: string) => (address.startsWith(`${module}.`) ? address.slice(module.length + 1) : address);
  const json = plan as unknown as BatchPlanJson;
  const resourceChanges = ((json.resource_changes ?? []) as PlanChange[]).filter((c) => c.module_address === module)
    .map((change) => ({
      ...without(change, 'module_address') as PlanChange,
      address: strip(change.address),
      ...(change.previous_address !== undefined && { previous_address: strip(change.previous_address) }),
    }));
  const values = (json.planned_values?.root_module?.child_modules ?? []).find((m) => m.address === module);
  return {
    format_version: json.format_version,
    terraform_version: json.terraform_version,
    planned_values: {
      root_module: { resources: (values?.resources ?? []).map((r) => ({ ...r, address: strip(r.address) })) },
      outputs: outputsOf(json.planned_values?.outputs ?? {}, index),
    },
    resource_changes: resourceChanges,
    configuration: {
      provider_config: json.configuration?.provider_config,
      root_module: json.configuration?.root_module?.module_calls?.[moduleName(index)]?.module ?? {},
    },
  } as unknown as T;
}

/** The batch plan with the resource changes of its first `count` stacks only (what a convergence folds and reports). */
export function firstMembers<T extends object>(plan: T, count: number): T {
  const modules = new Set(Array.from({ length: count }, (_, index) => `module.${moduleName(index)}`));
  const json = plan as unknown as BatchPlanJson;
  return { ...plan, resource_changes: ((json.resource_changes ?? []) as PlanChange[]).filter((c) => modules.has(c.module_address ?? '')) };
}
