import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { withConfigTable } from './readme-table';
import { projectRoot } from '../../src/project-root';
import { parseCli } from '../cli/args';

const USAGE = 'usage: npm run docs:config\n  Rewrites the configuration table in README.md from src/config/schema.ts.';

parseCli({ name: 'docs:config', usage: USAGE, config: { options: {} } });
const file = join(projectRoot(), 'README.md');
const before = readFileSync(file, 'utf8');
const after = withConfigTable(before);
if (after !== before) writeFileSync(file, after);
console.log(after === before ? 'README.md: configuration table already up to date' : 'README.md: configuration table rewritten');
