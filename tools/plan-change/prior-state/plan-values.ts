/** The parts of `terraform show -json <plan>` that the prior-state builder reads. */
export interface PlannedInstance {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index?: string | number;
  readonly schema_version: number;
  readonly values: Record<string, unknown>;
  readonly sensitive_values?: Record<string, unknown>;
}

export interface PlannedOutput {
  readonly type?: unknown;
  readonly value?: unknown;
  readonly sensitive: boolean;
}

export interface InstanceChange {
  readonly address: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly change: {
    readonly actions: readonly string[];
    readonly after?: unknown;
    readonly after_unknown?: unknown;
    readonly replace_paths?: ReadonlyArray<ReadonlyArray<string | number>>;
  };
  readonly action_reason?: string;
}

export interface ValuesPlan {
  readonly planned_values: {
    readonly root_module: { readonly resources?: readonly PlannedInstance[] };
    readonly outputs?: Record<string, PlannedOutput>;
  };
  readonly resource_changes?: readonly InstanceChange[];
  readonly configuration: {
    readonly root_module: { readonly resources?: ReadonlyArray<{ readonly address: string; readonly provider_config_key: string }> };
  };
}

/** `aws_x.name["key"]` / `aws_x.name[0]` -> `aws_x.name`. */
export function resourceAddress(instanceAddress: string): string {
  return instanceAddress.replace(/\[[^\]]*\]$/, '');
}
