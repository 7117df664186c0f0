import { parseInstanceList, parseReference, Reference, replaceReferences } from '../../stack-model/references';
import { StateFile, StateResource } from './state-file';

/** The resources of a synthesized cdk.tf.json: type -> name -> arguments as written. */
export type StackResources = Record<string, Record<string, Record<string, unknown>>>;

/** The value of the attribute a reference names, in the state being built. */
type Lookup = (reference: Reference) => unknown;
/** Every instance's value of one attribute, in key order (how Terraform iterates a for_each map). */
type ListLookup = (reference: Reference) => unknown[] | undefined;

/** `${[ for key, val in aws_x.y: val.fqdn]}`: the list of that attribute over every instance of a for_each resource. */
export function resolveInstanceList(argument: unknown, lookup: ListLookup): unknown[] | undefined {
  const list = parseInstanceList(argument);
  return list ? lookup(list) : undefined;
}

/**
 * The value an argument takes when it is a plain reference (`${aws_x.y.id}`) or a template of plain references
 * (`${aws_x.y.id}.execute-api.us-east-1.amazonaws.com`); undefined for anything else (functions, for-expressions).
 */
export function resolveArgument(argument: unknown, lookup: Lookup): unknown {
  if (typeof argument !== 'string' || !argument.includes('${')) return undefined;
  const whole = parseReference(argument);
  if (whole) return lookup(whole);
  if (replaceReferences(argument, () => '').includes('${')) return undefined;
  let unresolved = false;
  const text = replaceReferences(argument, (reference) => {
    const value = lookup(reference);
    if (typeof value !== 'string' && typeof value !== 'number') unresolved = true;
    return String(value);
  });
  return unresolved ? undefined : text;
}

const NOT_ARGUMENTS = new Set(['//', 'provider', 'depends_on', 'lifecycle', 'for_each', 'count']);

/** Sets, in place, every argument that is a plain reference to the value it refers to; returns how many changed. */
function resolveInto(target: Record<string, unknown>, args: Record<string, unknown>, lookup: Lookup, listLookup: ListLookup): number {
  let changed = 0;
  for (const [key, argument] of Object.entries(args)) {
    if (NOT_ARGUMENTS.has(key)) continue;
    const nested = Array.isArray(target[key]) ? (target[key] as unknown[]) : undefined;
    if (argument !== null && typeof argument === 'object' && nested) {
      const blocks = Array.isArray(argument) ? argument : [argument];
      blocks.forEach((block, i) => {
        if (block !== null && typeof block === 'object' && nested[i] !== null && typeof nested[i] === 'object') {
          changed += resolveInto(nested[i] as Record<string, unknown>, block as Record<string, unknown>, lookup, listLookup);
        }
      });
      continue;
    }
    const value = resolveInstanceList(argument, listLookup) ?? resolveArgument(argument, lookup);
    if (value !== undefined && JSON.stringify(value) !== JSON.stringify(target[key])) {
      target[key] = value;
      changed++;
    }
  }
  return changed;
}

/**
 * Makes the state's arguments agree with the resources they refer to, as Terraform will evaluate them, so a
 * placeholder id flows into every reference to it before the first plan. Single-instance resources only.
 */
export function resolveReferences(state: StateFile, resources: StackResources, maxPasses = 10): void {
  const byAddress = new Map<string, StateResource>(state.resources.map((r) => [`${r.type}.${r.name}`, r]));
  const lookup: Lookup = ({ type, name, attribute }) => {
    const resource = byAddress.get(`${type}.${name}`);
    return resource?.instances.length === 1 && resource.instances[0].index_key === undefined
      ? resource.instances[0].attributes[attribute] : undefined;
  };
  const listLookup: ListLookup = ({ type, name, attribute }) => {
    const resource = byAddress.get(`${type}.${name}`);
    if (!resource) return undefined;
    const byKey = [...resource.instances].sort((a, b) => String(a.index_key).localeCompare(String(b.index_key)));
    return byKey.map((i) => i.attributes[attribute]);
  };
  for (let pass = 0; pass < maxPasses; pass++) {
    let changed = 0;
    for (const resource of state.resources) {
      const args = resources[resource.type]?.[resource.name];
      if (!args || 'for_each' in args || 'count' in args) continue;
      for (const instance of resource.instances) changed += resolveInto(instance.attributes, args, lookup, listLookup);
    }
    if (changed === 0) return;
  }
}
