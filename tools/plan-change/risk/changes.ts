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
  | 'forget'
  /** Replaced, the old object forgotten instead of destroyed (`destroy = false`): both exist in AWS afterwards. */
  | 'replace-forget';

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

/**
 * Every action list a Terraform 1.11 JSON plan can hold for a resource instance (`plans.Action` as the JSON plan writes
 * it), and what it is: a kind of change, or `none` (no-op; read, which only data sources do).
 */
export const ACTIONS: Readonly<Record<string, ChangeKind | 'none'>> = {
  'no-op': 'none',
  read: 'none',
  create: 'create',
  update: 'update',
  delete: 'destroy',
  forget: 'forget',
  'create,delete': 'replace-create-before-destroy',
  'delete,create': 'replace-destroy-before-create',
  'create,forget': 'replace-forget',
};

/** An action list the classifier does not know: the plan cannot be judged (never read as "no change"). */
export class UnknownActionError extends Error {}

/** The known action lists, for messages: `no-op, read, create, ..., create+forget`. */
export const KNOWN_ACTIONS = Object.keys(ACTIONS).map((key) => key.replace(',', '+')).join(', ');

/** What an action list is, `none` for no change; throws UnknownActionError naming `where` for one it does not know. */
export function kindOf(actions: readonly string[], where: string): ChangeKind | 'none' {
  const key = actions.join(',');
  if (!Object.prototype.hasOwnProperty.call(ACTIONS, key)) {
    throw new UnknownActionError(`${where}: ${JSON.stringify(actions)} is not an action list Terraform 1.11 plans (known: ${KNOWN_ACTIONS})`);
  }
  return ACTIONS[key];
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

/**
 * Every managed instance the plan creates, updates, replaces, destroys or forgets (no-ops and reads left out); an action
 * list it does not know throws UnknownActionError.
 */
export function planChanges(plan: ChangePlanJson): Change[] {
  return (plan.resource_changes ?? []).filter((c) => c.mode === 'managed').flatMap((c) => {
    const kind = kindOf(c.change.actions, c.address);
    if (kind === 'none') return [];
    const before = asObject(c.change.before);
    const after = asObject(c.change.after);
    const attributes = kind === 'create' || kind === 'destroy' || kind === 'forget' ? [] : changedAttributes(before, after, asObject(c.change.after_unknown));
    const forcedBy = [...new Set((c.change.replace_paths ?? []).map((path) => String(path[0])))].sort();
    return [{ address: c.address, type: c.type, kind, scope: scopeOf(plan, c.address), attributes, forcedBy, before, after }];
  });
}

/** A new object in place of the old one, whatever becomes of the old one. */
export const isReplace = (c: Change): boolean =>
  c.kind === 'replace-create-before-destroy' || c.kind === 'replace-destroy-before-create' || c.kind === 'replace-forget';
