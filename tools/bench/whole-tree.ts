import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { measure, RunOptions } from './measure';

/** One run of a command as a user types it: every process it waited for (Terraform included, when GNU time is there). */
export interface TreeMeasurement {
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The largest single process. */
  readonly peakRssMb: number;
  /** 'all' = every process (GNU time); 'node' = Node processes only (the preload, where GNU time is missing). */
  readonly counted: 'all' | 'node';
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to completion (exit 0 or it throws) and measures its whole process tree. */
export function measureTree(command: string, args: readonly string[], options: RunOptions): TreeMeasurement {
  if (!existsSync(GNU_TIME)) {
    const { wallMs, cpuMs, peakRssMb } = measure(command, args, options);
    return { wallMs, cpuMs, peakRssMb, counted: 'node' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const report = join(dir, 'time.txt');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, command, ...args], {
      cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || result.stdout).trim().slice(-2000)}`);
    }
    // GNU time may write a line of its own ("Command exited ...") first; the figures are the last line.
    const [user, system, maxRssKb] = readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    return { wallMs, cpuMs: (user + system) * 1000, peakRssMb: maxRssKb / 1024, counted: 'all' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
