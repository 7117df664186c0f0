import { GLOBAL_SCOPE } from '../changes';
import { isLatencyRouted, PlannedRecord, RecordName, recordNames } from '../record-names';
import { Finding, RiskRule } from '../rule';

/** Where the docs say how to switch the latency records' type without a gap. */
export const RECORD_TYPE_PROCEDURE = 'docs/changing-a-live-stack.md#switching-the-latency-record-type';

const typeOf = (r: PlannedRecord, side: 'before' | 'after'): string => String(r[side]?.type ?? '?');
const typesOf = (records: readonly PlannedRecord[], side: 'before' | 'after'): string[] => [...new Set(records.map((r) => typeOf(r, side)))].sort();

/** Records the apply creates that Route 53 refuses beside the name's records of before: a CNAME and any other type. */
function refusedCreates(name: RecordName): PlannedRecord[] {
  const oldTypes = typesOf(name.before, 'before');
  return name.created.filter((r) => {
    const type = typeOf(r, 'after');
    return type === 'CNAME' ? oldTypes.some((t) => t !== 'CNAME') : oldTypes.includes('CNAME');
  });
}

function findingFor(name: RecordName): Finding | undefined {
  const refused = refusedCreates(name);
  if (refused.length === 0 && name.kept.length > 0) return undefined;
  const what = refused.length > 0
    ? `the apply deletes its ${typesOf(name.before, 'before').join('/')} records and creates ${typesOf(refused, 'after').join('/')} records, `
      + 'which Route 53 refuses beside other records of the same name, and nothing orders the deletes first: the creates fail '
      + 'or, at best, the name answers nothing between the last delete and the first create'
    : `every latency record of the name (${name.deleted.length}) is destroyed in this apply: it answers nothing until a new one `
      + 'exists, and resolvers keep that empty answer for the zone\'s negative-caching TTL';
  return {
    rule: publicNameUnanswered.id,
    severity: 'outage',
    scope: GLOBAL_SCOPE,
    address: (refused[0] ?? name.deleted[0]).address,
    message: `${name.name}: ${what}${refused.length > 0 ? ` (switch record types as ${RECORD_TYPE_PROCEDURE} says)` : ''}`,
  };
}

/**
 * The public name (the one with latency records) must answer throughout the apply. It does not when every latency
 * record of it is destroyed in one apply, or when the apply switches record types: Route 53 refuses a CNAME beside
 * any other record of the same name (and any record beside a CNAME), and Terraform creates and deletes records
 * independently, in no set order.
 */
export const publicNameUnanswered: RiskRule = {
  id: 'public-name-unanswered',
  check: (_, plan) => recordNames(plan)
    .filter((name) => name.before.some((r) => isLatencyRouted(r.before)))
    .flatMap((name) => findingFor(name) ?? []),
};
