import { Change, ChangeKind } from './risk/changes';
import { Classification } from './risk/classify';
import { Finding } from './risk/rule';

const KIND_LABEL: Record<ChangeKind, string> = {
  create: 'create',
  update: 'update in place',
  'replace-create-before-destroy': 'replace (create before destroy)',
  'replace-destroy-before-create': 'replace (destroy before create)',
  destroy: 'destroy',
  forget: 'forget (left in AWS)',
  'replace-forget': 'replace (old one left in AWS)',
};
const KINDS = Object.keys(KIND_LABEL) as ChangeKind[];
const SHORT: Record<ChangeKind, string> = {
  create: 'create', update: 'update', 'replace-create-before-destroy': 'replace cbd', 'replace-destroy-before-create': 'replace dbc', destroy: 'destroy',
  forget: 'forget', 'replace-forget': 'replace+forget',
};
/** Rare kinds (an upgrade dropping what the stack no longer owns): their column shows only when there are some. */
const RARE_KINDS: readonly ChangeKind[] = ['forget', 'replace-forget'];

/** `OUTAGE rule; WARNING rule` for the findings about one change (empty for none). */
export function risksOf(change: Change, findings: readonly Finding[]): string {
  return findings.filter((f) => f.address === change.address).map((f) => `${f.severity.toUpperCase()} ${f.rule}`).join('; ');
}

/** Scopes (regions, then global) with counts per kind, then every change with its risk, then the findings. */
export function formatClassification(title: string, result: Classification): string {
  const { changes, findings } = result;
  if (changes.length === 0) return `${title}\nNo changes.`;
  const scopes = [...new Set(changes.map((c) => c.scope))].sort((a, b) => (a === 'global' ? 1 : b === 'global' ? -1 : a.localeCompare(b)));
  const count = (scope: string, kind: ChangeKind) => changes.filter((c) => c.scope === scope && c.kind === kind).length;
  const kinds = KINDS.filter((k) => !RARE_KINDS.includes(k) || changes.some((c) => c.kind === k));
  const summary = [
    ['scope', ...kinds.map((k) => SHORT[k])],
    ...scopes.map((scope) => [scope, ...kinds.map((k) => String(count(scope, k) || '.'))]),
  ];
  const rows = scopes.flatMap((scope) => changes.filter((c) => c.scope === scope)
    .map((c) => [scope, KIND_LABEL[c.kind], c.address, whatChanges(c), risksOf(c, findings) || '-']));
  const outages = findings.filter((f) => f.severity === 'outage').length;
  return [
    title,
    '',
    table(summary),
    '',
    table([['scope', 'action', 'resource', 'what changes', 'risk'], ...rows]),
    '',
    findings.length === 0 ? 'Risks: none found.' : `Risks (${outages} outage, ${findings.length - outages} warning):`,
    ...findings.map((f) => `  ${f.severity.toUpperCase().padEnd(7)} ${f.scope.padEnd(14)} ${f.rule}: ${f.message}\n          ${f.address}`),
  ].join('\n');
}

/** For a replacement, what forces it; for an update, the attributes that change. */
function whatChanges(change: Change): string {
  if (change.forcedBy.length > 0) return `forced by ${change.forcedBy.join(', ')}`;
  return change.kind === 'update' ? change.attributes.join(', ') : '';
}

function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd()).join('\n');
}
