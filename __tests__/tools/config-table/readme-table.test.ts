import { readFileSync } from 'fs';
import { join } from 'path';
import { configTable, TABLE_END, TABLE_START, withConfigTable } from '../../../tools/config-table/readme-table';

const README = join(__dirname, '..', '..', '..', 'README.md');

test('the README configuration table is the one the schema generates (run npm run docs:config)', () => {
  const readme = readFileSync(README, 'utf8');
  expect(withConfigTable(readme)).toBe(readme);
});

test('one row per setting, with its type, default, allowed values and meaning', () => {
  const rows = configTable().split('\n');
  expect(rows).toContain('| `lambda.memoryMb` | integer | `128` | 128–10240 | Memory of both functions, in MB |');
  expect(rows).toContainEqual(expect.stringMatching(/^\| `dns\.recordType` \| string \| `"ALIAS"` \| one of "ALIAS", "CNAME" \|/));
  expect(rows).toContainEqual(expect.stringMatching(/^\| `state\.organization` \| string \| required with `cloud` backend \|/));
});

test('a README whose table differs is rewritten, and one without the markers is refused', () => {
  const stale = `intro\n${TABLE_START}\n| old |\n${TABLE_END}\nrest`;
  expect(withConfigTable(stale)).toBe(`intro\n${TABLE_START}\n${configTable()}\n${TABLE_END}\nrest`);
  expect(() => withConfigTable('no table')).toThrow('README has no');
});
