import { Entry, Fields } from '../../src/config/schema-kit';
import { SCHEMA } from '../../src/config/schema';

/** The README's configuration table sits between these two lines; `npm run docs:config` rewrites what is between. */
export const TABLE_START = '<!-- config-table:start (generated from src/config/schema.ts by npm run docs:config) -->';
export const TABLE_END = '<!-- config-table:end -->';

/** The configuration table, one row per setting, in the schema's order. */
export function configTable(): string {
  const rows = rowsOf(SCHEMA, '');
  return [
    '| Setting | Type | Default | Allowed | Meaning |',
    '|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.map((cell) => cell.replace(/\|/g, '\\|')).join(' | ')} |`),
  ].join('\n');
}

/** `readme` with the text between the markers replaced by the table; throws when the markers are missing. */
export function withConfigTable(readme: string): string {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README has no ${TABLE_START} ... ${TABLE_END} block`);
  return `${readme.slice(0, start + TABLE_START.length)}\n${configTable()}\n${readme.slice(end)}`;
}

/** `variant` names the variant a setting belongs to (`` `cloud` backend``), for settings of a Variants entry. */
function rowsOf(fields: Fields, at: string, variant?: string): string[][] {
  return Object.entries(fields).flatMap(([key, entry]) => rowsOfEntry(entry, at ? `${at}.${key}` : key, variant));
}

function rowsOfEntry(entry: Entry, path: string, variant?: string): string[][] {
  if (entry.kind === 'section') return rowsOf(entry.fields, path);
  if (entry.kind === 'variants') {
    return [
      ...rowsOfEntry(entry.tagField, `${path}.${entry.tag}`),
      ...Object.entries(entry.variants as Record<string, Fields>)
        .flatMap(([tag, fields]) => rowsOf(fields, path, `\`${tag}\` ${entry.tag}`)),
    ];
  }
  const defaultText = variant && entry.required ? `required with ${variant}` : entry.defaultText;
  const meaning = variant ? `(${variant}) ${entry.meaning}` : entry.meaning;
  return [[`\`${path}\``, entry.type, defaultText, entry.allowed, meaning]];
}
