import { EXIT_CODES, RolloutOutcome } from './outcome';
import { regionId, Release } from './release';
import { formatWaves } from './waves';

/** The flags a stopped rollout repeats in the commands it prints. */
export interface RepeatFlags {
  readonly waves: readonly (readonly string[])[];
  readonly bakeSeconds: number;
  readonly minRequests: number;
  readonly local?: string;
  readonly stateDir: string;
}

const HEADLINES: Readonly<Record<RolloutOutcome['kind'], string>> = {
  'rolled-out': 'rolled out: every region runs the new release, the full plan shows no change',
  'rolled-back': 'gate failed: rolled back',
  stopped: 'stopped',
  'rollback-failed': 'ROLLBACK FAILED',
  interrupted: 'interrupted',
};

/** The report a rollout prints at the end: what happened, what runs where, and what to run next. */
export function reportLines(outcome: RolloutOutcome, to: Release, previous: Release, flags: RepeatFlags): string[] {
  const unit = outcome.timeScale === 1 ? 's' : `model s (time scale ${outcome.timeScale})`;
  const lines = [`rollout ${HEADLINES[outcome.kind]} (exit ${EXIT_CODES[outcome.kind]})`];
  if (outcome.message) lines.push(`  ${outcome.message}`);
  if (outcome.fired) lines.push(`  signal: ${outcome.fired.region}: ${outcome.fired.signal}`);
  for (const [region, counts] of Object.entries(outcome.counts ?? {})) {
    lines.push(`  failed requests seen in ${region}: ${counts.failed} of ${counts.requests}`);
  }
  for (const [region, seconds] of Object.entries(outcome.ranNewRelease)) {
    lines.push(`  ${region} ran the new release for ${seconds} ${unit}${outcome.kind === 'rolled-back' ? ', then rolled back' : ''}`);
  }
  if (outcome.recovered) lines.push(`  after the rollback: ${outcome.recovered.detail}`);
  lines.push('what runs where:', ...whereLines(outcome, to, previous));
  if (outcome.kind !== 'rolled-out') lines.push(...nextCommands(outcome, to, previous, flags));
  return lines;
}

function whereLines(outcome: RolloutOutcome, to: Release, previous: Release): string[] {
  return Object.entries(outcome.whereNow).sort(([a], [b]) => a.localeCompare(b)).map(([region, id]) => {
    const which = id === regionId(to, region) ? `the new release (${to.dir})`
      : id === regionId(previous, region) ? `the previous release (${previous.dir})`
        : id === undefined ? 'unknown (no rollout has recorded it)' : 'another release';
    return `  ${region.padEnd(16)}${(id ?? '-').padEnd(18)}${which}`;
  });
}

/** The command that resumes the rollout, and the one that puts the changed regions back on the previous release. */
export function nextCommands(outcome: RolloutOutcome, to: Release, previous: Release, flags: RepeatFlags): string[] {
  const common = [`--bake ${flags.bakeSeconds}`, `--min-requests ${flags.minRequests}`, `--state-dir ${quote(flags.stateDir)}`,
    ...(flags.local ? [`--local ${flags.local}`] : [])].join(' ');
  const onNew = Object.keys(outcome.whereNow).filter((region) => outcome.whereNow[region] === regionId(to, region)
    && regionId(to, region) !== regionId(previous, region)).sort();
  const lines = [];
  if (outcome.kind !== 'rolled-back') {
    lines.push(`resume:    npm run rollout -- --to ${quote(to.dir)} --previous ${quote(previous.dir)} --waves ${formatWaves(flags.waves)} ${common}`);
  }
  if (onNew.length > 0) {
    const rest = flags.waves.flat().filter((region) => !onNew.includes(region));
    const waves = formatWaves([onNew, ...(rest.length > 0 ? [rest] : [])]);
    lines.push(`roll back: npm run rollout -- --to ${quote(previous.dir)} --previous ${quote(to.dir)} --waves ${waves} ${common}`);
  }
  return lines;
}

/** The outcome as JSON (`--json`), with the exit code and the commands. */
export function reportJson(outcome: RolloutOutcome, to: Release, previous: Release, flags: RepeatFlags): Record<string, unknown> {
  const { kind, ...rest } = outcome;
  return {
    outcome: kind,
    exitCode: EXIT_CODES[kind],
    to: { dir: to.dir, key: to.key, regions: to.manifest.regions },
    previous: { dir: previous.dir, key: previous.key, regions: previous.manifest.regions },
    ...rest,
    commands: outcome.kind === 'rolled-out' ? [] : nextCommands(outcome, to, previous, flags).map((line) => line.replace(/^[a-z ]+:\s+/, '')),
  };
}

function quote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
