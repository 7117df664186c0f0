import { CommandResults } from './commands';
import { BenchResults, TargetCheck } from './results';
import { seconds } from './targets';

const VARIANT_LABELS = {
  app: 'app (`node dist/main.js`)',
  cli: '`cdktf synth` (prebuilt app)',
  baseline: 'baseline: provider package root import',
};

function table(header: readonly string[], rows: ReadonlyArray<readonly (string | number)[]>): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The whole report as Markdown: readable in a terminal, pasteable into the README. */
export function renderMarkdown(results: BenchResults, targets: readonly TargetCheck[]): string {
  const { machine, synth, commands, handlers, healthBudget, tests } = results;
  const runs = Math.max(...synth.series.map((s) => s.runs));
  const parts: string[] = [];
  parts.push(`Measured ${results.date} on ${machine.cpus} × ${machine.model}, ${machine.memoryGb} GB, Node ${machine.node}`
    + ` (${machine.platform}); load average ${machine.loadAverage} at start.`);

  parts.push(`**Synth** (median of ${runs} runs; CPU = user + system time of all Node processes; peak = largest process, Σ = sum over them)\n\n` + table(
    ['variant', 'regions', 'resources', 'wall s', 'CPU s', 'peak MB', 'Σ MB', 'processes'],
    synth.series.map((s) => [VARIANT_LABELS[s.variant], s.regions, s.resources, seconds(s.wallMs), seconds(s.cpuMs),
      s.peakRssMb.toFixed(0), s.treeRssMb.toFixed(0), s.processCount]),
  ) + `\n\nBaseline wrote the same cdk.tf.json as the app: ${synth.baselineIdentical ? 'yes' : 'NO'}.`);

  parts.push(renderCommands(commands));

  const phaseNames = Object.keys(synth.phases[0]?.phases ?? {}).filter((name) => name !== 'synth');
  parts.push('**Where app synth time goes** (ms, median of 3 instrumented runs)\n\n' + table(
    ['regions', ...phaseNames, 'modules loaded'],
    synth.phases.map((p) => [p.regions, ...phaseNames.map((name) => p.phases[name].toFixed(0)), p.modulesLoaded]),
  ));

  parts.push('**Handlers** (the deployed archive; invocations in-process with a proxy event)\n\n' + table(
    ['handler', 'minified B', 'zip B', 'calls', 'median µs', 'p99 µs'],
    handlers.sizes.map((size) => {
      const inv = handlers.invocations.find((i) => i.name === size.name);
      return [size.name, size.minifiedBytes, size.zipBytes, inv?.calls ?? '-', inv ? inv.medianUs.toFixed(1) : '-', inv ? inv.p99Us.toFixed(1) : '-'];
    }),
  ));

  parts.push(`**Health budget**: one dependency accepts and never answers (another answers 200); budget `
    + `${healthBudget.budgetMs} ms → answered ${healthBudget.statusCode} in ${seconds(healthBudget.medianMs)} s median, `
    + `${seconds(healthBudget.maxMs)} s max over ${healthBudget.runs} runs.`);

  if (tests) {
    parts.push(`**Tests**: \`npm test\` ${seconds(tests.npmTestMs)} s. Its parts, each run alone:\n\n` + table(
      ['step', 'files', 'wall s'],
      tests.steps.map((s) => [s.name, s.files ?? '-', s.wallMs === undefined ? 'not present' : seconds(s.wallMs)]),
    ));
  }

  parts.push('**Targets**\n\n' + table(
    ['target', 'measured', 'result', 'why'],
    targets.map((t) => [t.target, t.measured, t.pass ? 'PASS' : 'MISS', t.note]),
  ));
  return `${parts.join('\n\n')}\n`;
}

/** The commands users type, each against the app timed in the same round. */
export function renderCommands(commands: CommandResults): string {
  const rows = [commands.app, ...commands.rows];
  const partial = rows.some((row) => row.counted === 'node');
  return `**Commands people type** (example config, 2 regions; median of each row's runs; CPU = user + system of every process `
    + `the command waited for${partial ? ', Node processes only where marked *' : ''}; peak = largest single process; ratio = wall / the app's `
    + 'wall in the same round)\n\n' + table(
    ['command', 'runs', 'wall s', 'CPU s', 'peak MB', '× app'],
    rows.map((row) => [`\`${row.command}\`${row.counted === 'node' ? ' *' : ''}`, row.runs, seconds(row.wallMs), seconds(row.cpuMs),
      row.peakRssMb.toFixed(0), row.ratioToApp.toFixed(1)]),
  );
}
