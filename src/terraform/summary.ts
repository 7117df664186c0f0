import { PlanJson, plannedResources } from './plan-json';

export interface PlanSummary {
  /** Provider regions in the order their resources first appear. */
  readonly regions: readonly string[];
  /** resource type -> region -> resources that change. */
  readonly counts: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** action (create, update, delete, ...) -> resource instances. */
  readonly actions: ReadonlyMap<string, number>;
}

/** Counts the resources a plan changes per resource type and provider region (no-ops and reads left out). */
export function summarizePlan(plan: PlanJson): PlanSummary {
  const regions: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  const actions = new Map<string, number>();
  for (const resource of plannedResources(plan)) {
    const changing = resource.actions.filter((a) => a !== 'no-op' && a !== 'read');
    if (changing.length === 0) continue;
    if (!regions.includes(resource.region)) regions.push(resource.region);
    const byRegion = counts.get(resource.type) ?? new Map<string, number>();
    byRegion.set(resource.region, (byRegion.get(resource.region) ?? 0) + 1);
    counts.set(resource.type, byRegion);
    for (const action of changing) actions.set(action, (actions.get(action) ?? 0) + 1);
  }
  return { regions, counts, actions };
}

/** A Markdown table (resource types down, regions across, totals last) to paste into a pull request. */
export function formatPlanSummary(title: string, summary: PlanSummary): string {
  const { regions, counts } = summary;
  const types = [...counts.keys()].sort();
  const cell = (type: string, region: string) => counts.get(type)?.get(region) ?? 0;
  const rowTotal = (type: string) => regions.reduce((sum, r) => sum + cell(type, r), 0);
  const columnTotal = (region: string) => types.reduce((sum, t) => sum + cell(t, region), 0);
  const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
  const actions = [...summary.actions].map(([action, n]) => `${n} to ${action}`).join(', ') || 'no changes';
  return [
    `**${title}**: ${actions}`,
    '',
    row(['Resource type', ...regions, 'Total']),
    row(['---', ...regions.map(() => '--:'), '--:']),
    ...types.map((t) => row([`\`${t}\``, ...regions.map((r) => cell(t, r) || '·'), rowTotal(t)])),
    row(['**Total**', ...regions.map((r) => `**${columnTotal(r)}**`), `**${types.reduce((s, t) => s + rowTotal(t), 0)}**`]),
  ].join('\n');
}
