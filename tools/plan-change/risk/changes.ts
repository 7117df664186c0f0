/** The subset of `terraform show -json <plan>` the change classifier reads. */
export interface ChangePlanJson {
  readonly resource_changes?: ReadonlyArray<{
    readonly address: string;
    readonly mode: string;
    readonly type: string;
    readonly name: string;
    readonly change: {
      readonly actions: readonly string[];
      readonly before?: unknown;
      readonly after?: unknown;
      readonly after_unknown?: unknown;
      readonly replace_paths?: ReadonlyArray<ReadonlyArray<string | number>>;
    };
  }>;
  readonly configuration?: {
    readonly provider_config?: Record<string, { readonly alias?: string; readonly expressions?: { readonly region?: { readonly constant_value?: unknown } } }>;
    readonly root_module?: {
      readonly resources?: ReadonlyArray<{
        readonly address: string;
        readonly provider_config_key?: string;
        readonly expressions?: Record<string, { readonly references?: readonly string[] }>;
      }>;
    };
  };
}

export type ChangeKind = 'create' | 'update' | 'replace-create-before-destroy' | 'replace-destroy-before-create' | 'destroy'
  /** Dropped from state by a `removed { destroy = false }` block: no longer managed, left in AWS as it is. */
  | 'forget';

/** One resource instance the plan changes, placed in a region (or `global`), with what changes in it. */
export interface Change {
  readonly address: string;
  readonly type: string;
  readonly kind: ChangeKind;
  /** The provider's region; `global` for the monitoring provider (and for resources no region can be told for). */
  readonly scope: string;
  /** Top-level attributes whose value changes or becomes unknown (empty for create and destroy). */
  readonly attributes: readonly string[];
  /** For a replacement: the top-level attributes that force it (the plan's `replace_paths`). */
  readonly forcedBy: readonly string[];
  readonly before: Record<string, unknown>;
  readonly after: Record<string, unknown>;
}

export const GLOBAL_SCOPE = 'global';
const REGION_IN_NAME = /(?:^|[_-])([a-z]{2}(?:-gov)?-[a-z]+-\d)(?=[_-]|$)/;

export function kindOf(actions: readonly string[]): ChangeKind | undefined {
  const key = actions.join(',');
  switch (key) {
    case 'create': return 'create';
    case 'update': return 'update';
    case 'delete': return 'destroy';
    case 'forget': return 'forget';
    case 'create,delete': return 'replace-create-before-destroy';
    case 'delete,create': return 'replace-destroy-before-create';
    default: return undefined;
  }
}

const asObject = (v: unknown): Record<string, unknown> => (v !== null && typeof v === 'object' && !Array.isArray(v) ? v as Record<string, unknown> : {});

function changedAttributes(before: Record<string, unknown>, after: Record<string, unknown>, afterUnknown: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after), ...Object.keys(afterUnknown)]);
  return [...keys].filter((key) => isUnknown(afterUnknown[key]) || JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)).sort();
}

function isUnknown(tree: unknown): boolean {
  if (tree === true) return true;
  if (Array.isArray(tree)) return tree.some(isUnknown);
  if (tree !== null && typeof tree === 'object') return Object.values(tree).some(isUnknown);
  return false;
}

/** `aws_x.name["key"]` -> `aws_x.name`. */
export function configAddress(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

/**
 * Where a resource lives: its provider's region, `global` for an alias ending in `-monitoring`. A destroyed resource
 * is no longer in the configuration, so its region is read from its name (`region-us-east-1_...`) instead.
 */
export function scopeOf(plan: ChangePlanJson, address: string): string {
  const configured = plan.configuration?.root_module?.resources?.find((r) => r.address === configAddress(address));
  const key = configured?.provider_config_key;
  if (key) {
    if (key.endsWith('-monitoring')) return GLOBAL_SCOPE;
    const region = plan.configuration?.provider_config?.[key]?.expressions?.region?.constant_value;
    if (typeof region === 'string') return region;
  }
  const name = configAddress(address).split('.').slice(1).join('.');
  if (name.includes('monitoring') || name.startsWith('health-check-alarms')) return GLOBAL_SCOPE;
  return REGION_IN_NAME.exec(name)?.[1] ?? GLOBAL_SCOPE;
}

/** Every managed instance the plan creates, updates, replaces, destroys or forgets (no-ops and reads left out). */
export function planChanges(plan: ChangePlanJson): Change[] {
  return (plan.resource_changes ?? []).filter((c) => c.mode === 'managed').flatMap((c) => {
    const kind = kindOf(c.change.actions);
    if (!kind) return [];
    const before = asObject(c.change.before);
    const after = asObject(c.change.after);
    const attributes = kind === 'create' || kind === 'destroy' || kind === 'forget' ? [] : changedAttributes(before, after, asObject(c.change.after_unknown));
    const forcedBy = [...new Set((c.change.replace_paths ?? []).map((path) => String(path[0])))].sort();
    return [{ address: c.address, type: c.type, kind, scope: scopeOf(plan, c.address), attributes, forcedBy, before, after }];
  });
}

export const isReplace = (c: Change): boolean => c.kind === 'replace-create-before-destroy' || c.kind === 'replace-destroy-before-create';
