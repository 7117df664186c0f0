import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';
import { projectRoot } from '../../src/project-root';
import { checkFlags, numberFlag, parseCli } from '../cli/args';
import { deployedHandlers } from './deployed-handlers';
import { benchInvocations } from './handlers';
import { benchHealthBudget } from './health-budget';
import { describeMachine } from './machine';
import { renderMarkdown } from './render';
import { BenchResults } from './results';
import { benchCommands } from './commands';
import { benchSynth } from './synth';
import { checkTargets } from './targets';
import { benchTests } from './test-layers';

const USAGE = `usage: npm run bench [-- options]
  --runs N        synth runs per variant and rounds of the user commands (default 5)
  --quick         1 run, cdktf synth for 2 regions only, 1,000 invocations, no test timings
  --skip-tests    do not time npm test
  --save FILE     also write the JSON report to FILE (e.g. docs/bench/latest.json)`;

interface Options {
  readonly runs: number;
  readonly quick: boolean;
  readonly skipTests: boolean;
  readonly save?: string;
}

function parseOptions(): Options {
  const { values } = parseCli({
    name: 'bench',
    usage: USAGE,
    config: { options: { runs: { type: 'string' }, quick: { type: 'boolean' }, 'skip-tests': { type: 'boolean' }, save: { type: 'string' } } },
  });
  const runs = checkFlags('bench', () => numberFlag('--runs', values.runs ?? '5', 1, 1000, true));
  const quick = values.quick === true;
  return { runs: quick ? 1 : runs, quick, skipTests: values['skip-tests'] === true || quick, save: values.save };
}

const log = (line: string): void => {
  process.stderr.write(`[bench] ${line}\n`);
};

async function main(): Promise<void> {
  const options = parseOptions();
  const projectDir = projectRoot();
  const machine = describeMachine();
  const regionCounts = [1, 2, 5, 10, 20];
  const synth = benchSynth({
    projectDir,
    runs: options.runs,
    appRegions: regionCounts,
    cliRegions: options.quick ? [2] : regionCounts,
    log,
  });

  const commands = await benchCommands(projectDir, options.runs, log);

  log('handlers');
  const workDir = mkdtempSync(join(tmpdir(), 'bench-handlers-'));
  let results: BenchResults;
  try {
    const handlers = deployedHandlers(projectDir, workDir);
    const calls = options.quick ? 1_000 : 10_000;
    const invocations = [];
    for (const handler of handlers) invocations.push(await benchInvocations(handler, calls, 1_000));
    log('health budget');
    const healthBudget = await benchHealthBudget(handlers.find((h) => h.name === 'health-check')!, 3);
    const tests = options.skipTests ? undefined : benchTests(projectDir, log);
    results = {
      date: new Date().toISOString(),
      machine,
      synth,
      commands,
      handlers: { sizes: handlers.map(({ name, minifiedBytes, zipBytes }) => ({ name, minifiedBytes, zipBytes })), invocations },
      healthBudget,
      tests,
    };
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }

  const targets = checkTargets(results);
  const markdown = renderMarkdown(results, targets);
  process.stdout.write(markdown);
  const report = JSON.stringify({ ...results, targets }, null, 2);
  const outDir = join(projectDir, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  for (const file of [`bench-${stamp}.json`, 'latest.json']) writeFileSync(join(outDir, file), `${report}\n`);
  writeFileSync(join(outDir, 'latest.md'), markdown);
  if (options.save) {
    const target = resolve(projectDir, options.save);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, `${report}\n`);
  }
  log(`report: bench-results/latest.json and latest.md${options.save ? `, ${options.save}` : ''}`);
}

main().catch((error: unknown) => {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
