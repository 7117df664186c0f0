import { ChangePlanJson } from '../../../../tools/plan-change/risk/changes';

/** One resource change of a fake `terraform show -json` plan. */
export interface FakeChange {
  readonly address: string;
  readonly actions: readonly string[];
  readonly before?: Record<string, unknown> | null;
  readonly after?: Record<string, unknown> | null;
  readonly provider?: string;
  readonly replacePaths?: string[][];
  /** `attribute -> referenced addresses` in the configuration. */
  readonly references?: Record<string, string[]>;
}

/** A plan JSON with regional providers `aws.<region>` and `aws.us-east-1-monitoring`, holding these changes. */
export function fakePlan(...changes: FakeChange[]): ChangePlanJson {
  const providerOf = (address: string) => /(us|eu)-[a-z]+-\d/.exec(address)?.[0] ?? 'us-east-1';
  return {
    resource_changes: changes.map((c) => ({
      address: c.address,
      mode: 'managed',
      type: c.address.split('.')[0],
      name: c.address.split('.')[1],
      change: { actions: c.actions, before: c.before ?? null, after: c.after ?? null, replace_paths: c.replacePaths },
    })),
    configuration: {
      provider_config: Object.fromEntries(['us-east-1', 'us-west-2', 'eu-west-1'].map((r) => [`aws.${r}`, { alias: r, expressions: { region: { constant_value: r } } }])
        .concat([['aws.us-east-1-monitoring', { alias: 'us-east-1-monitoring', expressions: { region: { constant_value: 'us-east-1' } } }]])),
      root_module: {
        resources: changes.filter((c) => !c.actions.every((a) => a === 'delete')).map((c) => ({
          address: c.address.replace(/\[[^\]]*\]$/, ''),
          provider_config_key: c.provider ?? `aws.${providerOf(c.address)}`,
          expressions: Object.fromEntries(Object.entries(c.references ?? {}).map(([k, refs]) => [k, { references: refs }])),
        })),
      },
    },
  };
}

export const REPLACE_CBD = ['create', 'delete'];
export const REPLACE_DBC = ['delete', 'create'];
