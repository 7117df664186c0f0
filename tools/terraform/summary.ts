import { PlanJson, plannedResources } from './plan-json';

export interface PlanSummary {
  /** Provider labels (alias, else region) in the order their resources first appear. */
  readonly providers: readonly string[];
  /** resource type -> provider label -> resources that change. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** action (create, update, delete, ...) -> resource instances. */
  readonly actions: ReadonlyMap<string, number>;
}

/** Counts the resources a plan changes per resource type and provider (no-ops and reads left out). */
export function summarizePlan(plan: PlanJson): PlanSummary {
  const providers: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  const actions = new Map<string, number>();
  for (const resource of plannedResources(plan)) {
    const changing = resource.actions.filter((a) => a !== 'no-op' && a !== 'read');
    if (changing.length === 0) continue;
    const provider = resource.providerLabel;
    if (!providers.includes(provider)) providers.push(provider);
    const byProvider = counts.get(resource.type) ?? new Map<string, number>();
    byProvider.set(provider, (byProvider.get(provider) ?? 0) + 1);
    counts.set(resource.type, byProvider);
    for (const action of changing) actions.set(action, (actions.get(action) ?? 0) + 1);
  }
  return { providers, counts, actions };
}

/** A Markdown table (resource types down, providers across, totals last) to paste into a pull request. */
export function formatPlanSummary(title: string, summary: PlanSummary): string {
  const { providers, counts } = summary;
  const types = [...counts.keys()].sort();
  const cell = (type: string, provider: string) => counts.get(type)?.get(provider) ?? 0;
  const rowTotal = (type: string) => providers.reduce((sum, p) => sum + cell(type, p), 0);
  const columnTotal = (provider: string) => types.reduce((sum, t) => sum + cell(t, provider), 0);
  const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
  const actions = [...summary.actions].map(([action, n]) => `${n} to ${action}`).join(', ') || 'no changes';
  return [
    `**${title}**: ${actions}`,
    '',
    row(['Resource type', ...providers, 'Total']),
    row(['---', ...providers.map(() => '--:'), '--:']),
    ...types.map((t) => row([`\`${t}\``, ...providers.map((p) => cell(t, p) || '·'), rowTotal(t)])),
    row(['**Total**', ...providers.map((p) => `**${columnTotal(p)}**`), `**${types.reduce((s, t) => s + rowTotal(t), 0)}**`]),
  ].join('\n');
}
