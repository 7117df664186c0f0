import { spawnSync } from 'child_process';
import { readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..');
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

/** What `./help` prints, run the way the README says (the file itself, no shell named). */
function helpText(): string {
  const run = spawnSync(join(ROOT, 'help'), { cwd: ROOT, encoding: 'utf8' });
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  return run.stdout;
}

/** The npm scripts a text names: `npm run <name>` and `npm test`. */
function scriptsNamed(text: string): Set<string> {
  const named = [...text.matchAll(/\bnpm run ([\w:-]+)/g)].map((match) => match[1]);
  return new Set([...named, ...(/\bnpm test\b/.test(text) ? ['test'] : [])]);
}

test('./help runs and prints the script list', () => {
  expect(helpText()).toContain('npm run synth ');
});

test('./help names every npm script of package.json, and none that is gone', () => {
  const named = scriptsNamed(helpText());
  expect(scripts.filter((script) => !named.has(script))).toEqual([]);
  expect([...named].filter((script) => !scripts.includes(script))).toEqual([]);
});
