import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { writeRegionConfig } from './configs';
import { Measurement, measure } from './measure';
import { median } from './stats';

export type SynthVariant = 'app' | 'cli' | 'baseline';

export interface SynthSeries {
  readonly variant: SynthVariant;
  readonly regions: number;
  readonly runs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  readonly treeRssMb: number;
  readonly processCount: number;
  readonly resources: number;
  readonly samplesMs: readonly number[];
}

export interface SynthPhases {
  readonly regions: number;
  readonly phases: Record<string, number>;
  readonly archiveChildCount: number;
  readonly modulesLoaded: number;
}

export interface SynthResults {
  readonly series: readonly SynthSeries[];
  /** The 2-region baseline wrote the same cdk.tf.json as the app. */
  readonly baselineIdentical: boolean;
  readonly phases: readonly SynthPhases[];
}

export interface SynthPlan {
  readonly projectDir: string;
  readonly runs: number;
  readonly appRegions: readonly number[];
  readonly cliRegions: readonly number[];
  readonly log: (line: string) => void;
}

interface Job {
  readonly variant: SynthVariant;
  readonly regions: number;
  readonly command: string;
  readonly args: readonly string[];
}

const STACK_FILE = join('stacks', API_STACK_NAME, 'cdk.tf.json');

/**
 * Synth measured three ways: the bundled app (`node dist/main.js`), the cdktf CLI (`cdktf synth`, whose app command
 * finds the bundle fresh and runs it), and the root-import baseline (2 regions). Runs are interleaved round-robin so
 * load from other work on the machine spreads over every variant alike; one untimed app run warms the caches first.
 */
export function benchSynth(plan: SynthPlan): SynthResults {
  const { projectDir } = plan;
  const configDir = mkdtempSync(join(tmpdir(), 'bench-configs-'));
  const jobs: Job[] = [
    ...plan.appRegions.map((regions): Job => ({ variant: 'app', regions, command: process.execPath, args: [join(projectDir, 'dist', 'main.js')] })),
    ...plan.cliRegions.map((regions): Job => ({ variant: 'cli', regions, command: join(projectDir, 'node_modules', '.bin', 'cdktf'), args: ['synth'] })),
    { variant: 'baseline', regions: 2, command: process.execPath, args: [join(projectDir, 'dist', 'tools', 'bench', 'baseline', 'root-import-app.js')] },
  ];
  const samples = new Map<Job, { measurements: Measurement[]; resources: number }>(jobs.map((job) => [job, { measurements: [], resources: 0 }]));
  const stackOutputs = new Map<string, string>();
  try {
    const runOnce = (job: Job, keep: boolean): void => {
      const outdir = mkdtempSync(join(tmpdir(), 'bench-synth-'));
      const config = writeRegionConfig(projectDir, configDir, job.regions);
      const args = job.variant === 'cli' ? [...job.args, '--output', outdir] : job.args;
      try {
        const result = measure(job.command, args, {
          cwd: projectDir,
          env: { MULTI_REGION_CONFIG: config, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: '1' },
        });
        const stack = readFileSync(join(outdir, STACK_FILE), 'utf8');
        const entry = samples.get(job)!;
        entry.resources = countResources(stack);
        if (keep) entry.measurements.push(result);
        if (job.regions === 2 && job.variant !== 'cli') stackOutputs.set(job.variant, stack);
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    };
    runOnce(jobs[0], false);
    for (let run = 1; run <= plan.runs; run++) {
      plan.log(`synth run ${run}/${plan.runs}`);
      for (const job of jobs) runOnce(job, true);
    }
    const phases = [2, Math.max(...plan.appRegions)].map((regions) => profilePhases(projectDir, writeRegionConfig(projectDir, configDir, regions), regions));
    return {
      series: jobs.map((job) => summarize(job, samples.get(job)!)),
      baselineIdentical: stackOutputs.get('app') === stackOutputs.get('baseline'),
      phases,
    };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}

function summarize(job: Job, entry: { measurements: Measurement[]; resources: number }): SynthSeries {
  const { measurements } = entry;
  return {
    variant: job.variant,
    regions: job.regions,
    runs: measurements.length,
    wallMs: median(measurements.map((m) => m.wallMs)),
    cpuMs: median(measurements.map((m) => m.cpuMs)),
    peakRssMb: median(measurements.map((m) => m.peakRssMb)),
    treeRssMb: median(measurements.map((m) => m.treeRssMb)),
    processCount: median(measurements.map((m) => m.processes.length)),
    resources: entry.resources,
    samplesMs: measurements.map((m) => Math.round(m.wallMs)),
  };
}

function countResources(stackJson: string): number {
  const stack = JSON.parse(stackJson) as { resource?: Record<string, Record<string, unknown>> };
  return Object.values(stack.resource ?? {}).reduce((sum, byId) => sum + Object.keys(byId).length, 0);
}

/** Median of three phase profiles (each phase's median taken separately). */
function profilePhases(projectDir: string, config: string, regions: number): SynthPhases {
  const script = join(projectDir, 'dist', 'tools', 'bench', 'synth-phases.js');
  const profiles = [1, 2, 3].map(() => {
    const result = spawnSync(process.execPath, [script], {
      cwd: projectDir, env: { ...process.env, MULTI_REGION_CONFIG: config }, encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`synth-phases failed: ${result.stderr.trim().slice(-2000)}`);
    return JSON.parse(result.stdout) as Omit<SynthPhases, 'regions'>;
  });
  const phases: Record<string, number> = {};
  for (const name of Object.keys(profiles[0].phases)) phases[name] = median(profiles.map((p) => p.phases[name]));
  return { regions, phases, archiveChildCount: profiles[0].archiveChildCount, modulesLoaded: profiles[0].modulesLoaded };
}
