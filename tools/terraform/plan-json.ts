/** The subset of `terraform show -json <plan>` (format 1.x) the harness reads. */
export interface PlanJson {
  readonly format_version: string;
  readonly terraform_version: string;
  readonly resource_changes?: readonly ResourceChange[];
  readonly configuration: {
    readonly provider_config?: Record<string, ProviderConfig>;
    readonly root_module: { readonly resources?: readonly ConfiguredResource[] };
  };
}

export interface ResourceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider_name: string;
  readonly change: { readonly actions: readonly string[]; readonly after?: unknown };
}

export interface ConfiguredResource {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly provider_config_key: string;
  readonly expressions?: Record<string, Expression>;
}

export interface Expression {
  readonly constant_value?: unknown;
  readonly references?: readonly string[];
}

export interface ProviderConfig {
  readonly name: string;
  readonly alias?: string;
  readonly expressions?: { readonly region?: Expression };
}

/** One planned resource instance with the provider configuration it is bound to. */
export interface PlannedResource {
  readonly address: string;
  readonly type: string;
  readonly actions: readonly string[];
  /** e.g. `aws.us-east-1`; `aws` for the default provider. */
  readonly providerKey: string;
  /** The `region` its provider is configured with, or the provider key when that is not a constant. */
  readonly region: string;
  /** How a reviewer tells providers apart: the alias (`us-east-1`, `us-east-1-monitoring`), else the region. */
  readonly providerLabel: string;
  readonly after: unknown;
}

/** `aws_x.name[0]` -> `aws_x.name`: the configuration address of a resource instance. */
export function configAddress(instanceAddress: string): string {
  return instanceAddress.replace(/\[[^\]]*\]$/, '');
}

/** Managed resource changes, each joined with its provider configuration from the plan's configuration section. */
export function plannedResources(plan: PlanJson): PlannedResource[] {
  const configured = new Map((plan.configuration.root_module.resources ?? []).map((r) => [r.address, r]));
  const providers = plan.configuration.provider_config ?? {};
  return (plan.resource_changes ?? []).filter((c) => c.mode === 'managed').map((change) => {
    const providerKey = configured.get(configAddress(change.address))?.provider_config_key ?? change.provider_name;
    const provider = providers[providerKey];
    const constantRegion = provider?.expressions?.region?.constant_value;
    const region = typeof constantRegion === 'string' ? constantRegion : providerKey;
    return {
      address: change.address,
      type: change.type,
      actions: change.change.actions,
      providerKey,
      region,
      providerLabel: provider?.alias ?? region,
      after: change.change.after,
    };
  });
}
