import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parseArgs } from 'util';
import { withConfigTable } from '../../src/config/docs-table';
import { projectRoot } from '../../src/project-root';

const USAGE = 'usage: npm run docs:config   (rewrites the configuration table in README.md from src/config/schema.ts)';

function main(): number {
  const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const file = join(projectRoot(), 'README.md');
  const before = readFileSync(file, 'utf8');
  const after = withConfigTable(before);
  if (after !== before) writeFileSync(file, after);
  console.log(after === before ? 'README.md: configuration table already up to date' : 'README.md: configuration table rewritten');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exitCode = 2;
}
