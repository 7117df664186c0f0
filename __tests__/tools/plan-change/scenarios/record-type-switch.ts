import { StateFile, StateResource } from '../../../../tools/plan-change/prior-state/state-file';
import { StackFile } from '../../../../tools/plan-change/synth-config';
import { block } from '../../../../tools/stack-model/references';

/** The latency record's region, in state (a list of one block) or in the synthesized stack (one block). */
const regionOf = (policy: unknown): unknown => block(policy)?.region;

const isLatencyRecord = (r: StateResource, type: string) => r.type === 'aws_route53_record'
  && r.instances[0]?.attributes.type === type && regionOf(r.instances[0].attributes.latency_routing_policy) !== undefined;

/**
 * The prior state after the first step of docs/changing-a-live-stack.md#switching-the-latency-record-type (one Route 53
 * change batch swapped every region's ALIAS A/AAAA latency records for a CNAME to the same regional domain) and the
 * state commands of the second (the A/AAAA records removed from state, each CNAME imported at its address in `stack`).
 */
export function afterAtomicSwitch(state: StateFile, stack: StackFile): StateFile {
  const cnames = stack.model.resources('aws_route53_record').filter((r) => r.body.type === 'CNAME');
  const aRecords = state.resources.filter((r) => isLatencyRecord(r, 'A'));
  state.resources = state.resources.filter((r) => !isLatencyRecord(r, 'A') && !isLatencyRecord(r, 'AAAA'));
  for (const a of aRecords) {
    const attributes = a.instances[0].attributes;
    const region = regionOf(attributes.latency_routing_policy);
    const cname = cnames.find((r) => regionOf(r.body.latency_routing_policy) === region);
    if (!cname) throw new Error(`${stack.name} has no CNAME latency record for ${String(region)}`);
    const target = (attributes.alias as Array<{ name: string }>)[0].name;
    state.resources.push({
      ...a,
      name: cname.name,
      instances: [{
        ...a.instances[0],
        attributes: {
          ...attributes, id: `${String(attributes.zone_id)}_${String(attributes.name)}_CNAME_${String(region)}`, type: 'CNAME',
          ttl: cname.body.ttl, records: [target], alias: [],
        },
      }],
    });
  }
  state.serial += 1;
  return state;
}
