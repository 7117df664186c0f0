import { ACTIONS, ChangePlanJson, KNOWN_ACTIONS } from './changes';

/** A plan JSON that is not what `terraform show -json <plan>` writes, where the classifier reads: `<path>: <problem>`. */
export class PlanShapeError extends Error {}

/** Deeper than any value a provider's schema gives (and far below what would overflow a recursive reader). */
export const MAX_DEPTH = 100;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** A value as an error line shows it: short, never the whole of a large or deep value. */
function shown(value: unknown): string {
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (isObject(value)) return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  return String(value);
}

function fail(path: string, expected: string, value: unknown): never {
  throw new PlanShapeError(`${path}: expected ${expected}, got ${shown(value)}`);
}

const need = (ok: boolean, path: string, expected: string, value: unknown): void => {
  if (!ok) fail(path, expected, value);
};
const optional = (value: unknown, check: (v: unknown) => boolean) => value === undefined || check(value);
const isString = (v: unknown) => typeof v === 'string';
const isStringArray = (v: unknown) => Array.isArray(v) && v.every(isString);

/**
 * The JSON of a plan, checked where the classifier reads it; anything else throws a PlanShapeError naming the path in
 * the JSON (`resource_changes[3].change.actions: expected an array of strings, got "create"`), so that a foreign or
 * damaged file can never read as "no changes".
 */
export function checkPlanShape(plan: unknown): ChangePlanJson {
  need(isObject(plan), '(top level)', 'an object (terraform show -json of a plan)', plan);
  checkDepth(plan);
  const json = plan as Json;
  need(typeof json.format_version === 'string' && /^1\.\d+$/.test(json.format_version), 'format_version',
    'a JSON plan format 1.x (terraform show -json of a plan)', json.format_version);
  need(isObject(json.planned_values), 'planned_values', 'an object (a plan has it; the JSON of a state does not)', json.planned_values);
  if (json.errored === true) throw new PlanShapeError('errored: the plan failed part-way (errored: true); classify a plan that succeeded');
  need(optional(json.resource_changes, Array.isArray), 'resource_changes', 'an array', json.resource_changes);
  ((json.resource_changes ?? []) as unknown[]).forEach((change, i) => checkResourceChange(change, `resource_changes[${i}]`));
  checkConfiguration(json.configuration);
  return plan as ChangePlanJson;
}

function checkResourceChange(value: unknown, path: string): void {
  need(isObject(value), path, 'an object', value);
  const rc = value as Json;
  for (const key of ['address', 'type', 'name']) need(isString(rc[key]), `${path}.${key}`, 'a string', rc[key]);
  need(rc.mode === 'managed' || rc.mode === 'data', `${path}.mode`, '"managed" or "data"', rc.mode);
  for (const key of ['module_address', 'previous_address', 'deposed']) need(optional(rc[key], isString), `${path}.${key}`, 'a string', rc[key]);
  need(isObject(rc.change), `${path}.change`, 'an object', rc.change);
  const change = rc.change as Json;
  need(isStringArray(change.actions), `${path}.change.actions`, 'an array of strings', change.actions);
  const actions = change.actions as string[];
  if (!Object.prototype.hasOwnProperty.call(ACTIONS, actions.join(','))) {
    throw new PlanShapeError(`${path}.change.actions: ${JSON.stringify(actions)} is not an action list Terraform 1.11 plans (known: ${KNOWN_ACTIONS})`);
  }
  for (const key of ['before', 'after']) need(change[key] == null || isObject(change[key]), `${path}.change.${key}`, 'an object or null', change[key]);
  need(optional(change.replace_paths, (v) => Array.isArray(v) && v.every((p) => Array.isArray(p) && p.every((s) => isString(s) || typeof s === 'number'))),
    `${path}.change.replace_paths`, 'an array of paths (arrays of names and indexes)', change.replace_paths);
}

function checkConfiguration(value: unknown): void {
  need(optional(value, isObject), 'configuration', 'an object', value);
  const configuration = (value ?? {}) as Json;
  need(optional(configuration.provider_config, isObject), 'configuration.provider_config', 'an object', configuration.provider_config);
  for (const [key, provider] of Object.entries((configuration.provider_config ?? {}) as Json)) {
    const path = `configuration.provider_config[${JSON.stringify(key)}]`;
    need(isObject(provider), path, 'an object', provider);
    need(optional((provider as Json).expressions, isObject), `${path}.expressions`, 'an object', (provider as Json).expressions);
  }
  need(optional(configuration.root_module, isObject), 'configuration.root_module', 'an object', configuration.root_module);
  const resources = ((configuration.root_module ?? {}) as Json).resources;
  need(optional(resources, Array.isArray), 'configuration.root_module.resources', 'an array', resources);
  ((resources ?? []) as unknown[]).forEach((resource, i) => checkConfiguredResource(resource, `configuration.root_module.resources[${i}]`));
}

function checkConfiguredResource(value: unknown, path: string): void {
  need(isObject(value), path, 'an object', value);
  const resource = value as Json;
  need(isString(resource.address), `${path}.address`, 'a string', resource.address);
  need(optional(resource.provider_config_key, isString), `${path}.provider_config_key`, 'a string', resource.provider_config_key);
  need(optional(resource.expressions, isObject), `${path}.expressions`, 'an object', resource.expressions);
  for (const [name, expression] of Object.entries((resource.expressions ?? {}) as Json)) {
    if (!isObject(expression) || expression.references === undefined) continue;
    need(isStringArray(expression.references), `${path}.expressions.${name}.references`, 'an array of strings', expression.references);
  }
}

/** Walks the whole document without recursion; a value nested deeper than MAX_DEPTH is refused with its path. */
function checkDepth(root: unknown): void {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) throw new PlanShapeError(`${shortPath(path)}: nested deeper than ${MAX_DEPTH} levels`);
    const entries = Array.isArray(value) ? value.map((v, i) => [`[${i}]`, v] as const) : Object.entries(value).map(([k, v]) => [`${path ? '.' : ''}${k}`, v] as const);
    for (const [step, child] of entries) stack.push({ value: child, path: `${path}${step}`, depth: depth + 1 });
  }
}

/** A long path cut after its first steps (at a step boundary), so the error stays one readable line. */
function shortPath(path: string, max = 100): string {
  if (path.length <= max) return path;
  return `${path.slice(0, Math.max(path.lastIndexOf('[', max), path.lastIndexOf('.', max)))}...`;
}
