import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';
import { parseCli } from '../cli/args';
import { configJsonSchemaText, SCHEMA_FILE } from './json-schema';
import { withConfigTable } from './readme-table';

const USAGE = 'usage: npm run docs:config\n'
  + `  Rewrites the configuration table in README.md and ${SCHEMA_FILE} (the JSON Schema editors check config files\n`
  + '  with) from src/config/schema.ts.';

parseCli({ name: 'docs:config', usage: USAGE, config: { options: {} } });
const outputs: Array<[string, (before: string) => string]> = [
  ['README.md', withConfigTable],
  [SCHEMA_FILE, () => configJsonSchemaText()],
];
for (const [file, generate] of outputs) {
  const path = join(projectRoot(), file);
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const after = generate(before);
  if (after !== before) writeFileSync(path, after);
  console.log(`${file}: ${after === before ? 'already up to date' : 'rewritten'}`);
}
