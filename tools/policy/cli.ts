import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../src/app';
import { ConfigError, configPath, loadConfig } from '../../src/config';
import { parseCli } from '../cli/args';
import { allRules } from './rules';
import { checkStacks, formatReport, NamedStack } from './run';
import { readSynthesizedStacks } from '../stack-model/synthesized-stacks';

const USAGE = `usage: npm run check:policy [-- --dir <cdktf output folder>]
  (default: synthesize the configured app into a temporary folder)
  --dir <folder>   check the stacks an earlier synth wrote there (its manifest.json)
exit 0: no violations; 1: violations; 2: bad input`;

/**
 * `npm run check:policy`: synthesizes the app from the configured file into a temporary folder (or reads an existing
 * output folder with --dir) and applies every rule to every stack. Exit 0: no violations; 1: violations; 2: bad input.
 */
function main(argv: readonly string[]): number {
  const { values: { dir } } = parseCli({ name: 'check:policy', usage: USAGE, config: { options: { dir: { type: 'string' } } } }, argv);
  let stacks: NamedStack[];
  try {
    stacks = dir !== undefined ? readSynthesizedStacks(dir) : synthesizeConfiguredApp();
  } catch (error) {
    const message = error instanceof ConfigError ? `Invalid configuration ${error.message}` : (error as Error).message;
    console.error(message);
    return 2;
  }
  const rules = allRules();
  const report = checkStacks(stacks, rules);
  console.log(formatReport(report, stacks.map((stack) => stack.name), rules.length));
  return report.violations.length > 0 ? 1 : 0;
}

function synthesizeConfiguredApp(): NamedStack[] {
  const config = loadConfig(configPath());
  const outdir = mkdtempSync(join(tmpdir(), 'policy-synth-'));
  try {
    buildApp(config, outdir).app.synth();
    return readSynthesizedStacks(outdir);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

process.exitCode = main(process.argv.slice(2));
