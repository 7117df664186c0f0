/** A minimal plan JSON as `terraform show -json` writes one, with one resource change. */
export function planWith(change: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format_version: '1.2',
    terraform_version: '1.11.4',
    planned_values: { root_module: {} },
    resource_changes: [{
      address: 'aws_sns_topic.alarms', mode: 'managed', type: 'aws_sns_topic', name: 'alarms',
      change: { actions: ['update'], before: { name: 'a' }, after: { name: 'b' }, ...change },
    }],
    ...extra,
  };
}

/** `depth` arrays, one inside the other, as JSON text (too deep for JSON.stringify, not for JSON.parse). */
const NESTED = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const DEEP_PLAN = JSON.stringify(planWith({ before: 'DEEP' })).replace('"DEEP"', NESTED(100_000));

/** Plan files of the wrong shape (`{ json }`: the file's text as it is), each with the one line plan:change must answer (after `--plan <file>: `). */
export const MALFORMED_PLANS: ReadonlyArray<{ readonly name: string; readonly plan: unknown; readonly line: string | RegExp }> = [
  { name: 'a string resource_changes', plan: planWith({}, { resource_changes: 'none' }), line: 'resource_changes: expected an array, got "none"' },
  { name: 'a null change', plan: planWith({}, { resource_changes: [{ address: 'aws_x.a', mode: 'managed', type: 'aws_x', name: 'a', change: null }] }),
    line: 'resource_changes[0].change: expected an object, got null' },
  { name: 'a string actions', plan: planWith({ actions: 'create' }), line: 'resource_changes[0].change.actions: expected an array of strings, got "create"' },
  { name: 'deep nesting', plan: { json: DEEP_PLAN }, line: /resource_changes\[0\]\.change\.before(\[0\])+\.\.\.: nested deeper than 100 levels/ },
  { name: 'a state, not a plan', plan: { format_version: '1.0', terraform_version: '1.11.4', values: { root_module: {} } },
    line: 'planned_values: expected an object (a plan has it; the JSON of a state does not), got undefined' },
  { name: 'format 2.0', plan: planWith({}, { format_version: '2.0' }), line: 'format_version: expected a JSON plan format 1.x (terraform show -json of a plan), got "2.0"' },
  { name: 'a top-level array', plan: [planWith()], line: '(top level): expected an object (terraform show -json of a plan), got an array of 1' },
  { name: 'references that are not a list', plan: planWith({}, { configuration: { root_module: { resources: [{ address: 'aws_x.a', expressions: { health_check_id: { references: 'aws_y.b' } } }] } } }),
    line: 'configuration.root_module.resources[0].expressions.health_check_id.references: expected an array of strings, got "aws_y.b"' },
  { name: 'a plan that failed part-way', plan: planWith({}, { errored: true }), line: 'errored: the plan failed part-way (errored: true); classify a plan that succeeded' },
];

/** The text of a malformed plan file. */
export const textOf = (plan: unknown): string => {
  const raw = (plan as { json?: unknown }).json;
  return typeof raw === 'string' ? raw : JSON.stringify(plan);
};

/** What plan:change prints for a malformed file: `<prefix><line>`, the whole line. */
export function expectedLine(prefix: string, line: string | RegExp): unknown {
  if (typeof line === 'string') return `${prefix}${line}`;
  return expect.stringMatching(new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}${line.source}$`));
}
