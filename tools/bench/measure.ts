import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

export interface ProcessPeak {
  readonly pid: number;
  readonly ppid: number;
  readonly maxRssKb: number;
  /** User + system CPU time. */
  readonly cpuMs: number;
  readonly argv: readonly string[];
}

export interface Measurement {
  readonly wallMs: number;
  /** Peak RSS of the largest single Node process in the tree (what GNU time's %M reports for the same command). */
  readonly peakRssMb: number;
  /** Sum of every Node process's peak: an upper bound of the tree's concurrent peak. */
  readonly treeRssMb: number;
  /** CPU time of every Node process of the run: less sensitive than wall time to other load on the machine. */
  readonly cpuMs: number;
  readonly processes: readonly ProcessPeak[];
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
}

const PRELOAD = join(__dirname, 'rss-preload.js');

/** Runs a command to completion, timing it and collecting each Node process's peak memory. Throws if it fails. */
export function measure(command: string, args: readonly string[], options: RunOptions): Measurement {
  const logDir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const log = join(logDir, 'rss.jsonl');
  try {
    const env = {
      ...process.env,
      ...options.env,
      BENCH_RSS_LOG: log,
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${PRELOAD}"`.trim(),
    };
    const started = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: options.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (result.error) throw result.error;
    if (result.status !== 0) {
      throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${(result.stderr || result.stdout).trim().slice(-2000)}`);
    }
    const processes = readPeaks(log);
    const kb = processes.map((p) => p.maxRssKb);
    return {
      wallMs,
      peakRssMb: Math.max(0, ...kb) / 1024,
      treeRssMb: kb.reduce((sum, value) => sum + value, 0) / 1024,
      cpuMs: processes.reduce((sum, p) => sum + p.cpuMs, 0),
      processes,
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}

function readPeaks(log: string): ProcessPeak[] {
  let text: string;
  try {
    text = readFileSync(log, 'utf8');
  } catch {
    return [];
  }
  return text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ProcessPeak);
}
