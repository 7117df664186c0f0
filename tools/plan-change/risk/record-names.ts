import { ChangePlanJson } from './changes';

/** One Route 53 record as the plan has it: its actions and its values before and after. */
export interface PlannedRecord {
  readonly address: string;
  readonly actions: readonly string[];
  readonly before?: RecordValues;
  readonly after?: RecordValues;
}

export interface RecordValues {
  readonly zone_id?: unknown;
  readonly name?: unknown;
  readonly type?: unknown;
  readonly latency_routing_policy?: unknown;
}

/** Every record of one name in one zone, before and after the apply. */
export interface RecordName {
  /** The name as Route 53 answers for it (lower case, no trailing dot). */
  readonly name: string;
  readonly zoneId: string;
  /** Records of the name before the apply (in state). */
  readonly before: readonly PlannedRecord[];
  /** Records of the name the apply creates (new, or replacing another). */
  readonly created: readonly PlannedRecord[];
  /** Records of the name before that still answer throughout the apply (not destroyed, or created before destroyed). */
  readonly kept: readonly PlannedRecord[];
  /** Records of the name before that the apply deletes. */
  readonly deleted: readonly PlannedRecord[];
}

const normalized = (name: unknown): string => String(name ?? '').toLowerCase().replace(/\.$/, '');
const keyOf = (values: RecordValues): string => `${String(values.zone_id)} ${normalized(values.name)}`;
export const isLatencyRouted = (values: RecordValues | undefined): boolean =>
  Array.isArray(values?.latency_routing_policy) && values.latency_routing_policy.length > 0;

/** The apply deletes the record's current object: destroyed, or replaced destroy-before-create. */
const deletes = (record: PlannedRecord): boolean => record.actions[0] === 'delete';

/** Every name that has a record before or after the apply, with its records (no-op ones included). */
export function recordNames(plan: ChangePlanJson): RecordName[] {
  const records: PlannedRecord[] = (plan.resource_changes ?? [])
    .filter((c) => c.mode === 'managed' && c.type === 'aws_route53_record')
    .map((c) => ({ address: c.address, actions: c.change.actions, before: asValues(c.change.before), after: asValues(c.change.after) }));
  const keys = new Set(records.flatMap((r) => [r.before, r.after].filter((v): v is RecordValues => v !== undefined).map(keyOf)));
  return [...keys].map((key) => {
    const before = records.filter((r) => r.before && keyOf(r.before) === key);
    const sample = before[0]?.before ?? records.find((r) => r.after && keyOf(r.after) === key)!.after!;
    return {
      name: normalized(sample.name),
      zoneId: String(sample.zone_id),
      before,
      created: records.filter((r) => r.after && keyOf(r.after) === key && r.actions.includes('create')),
      kept: before.filter((r) => !deletes(r)),
      deleted: before.filter(deletes),
    };
  });
}

function asValues(value: unknown): RecordValues | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value as RecordValues : undefined;
}
