import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProcessPeak } from './measure';
import { TreeMeasurement } from './whole-tree';

const PRELOAD = join(__dirname, 'rss-preload.js');
const READY_TIMEOUT_MS = 60_000;

/** A port the kernel says is free now; `npm run local` takes it and the next ones. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port + 10));
    });
  });
}

async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

/**
 * `npm run local` from start to its first answer on the global endpoint: wall time to that answer; CPU and peak
 * memory of its Node processes over the run (stopped with SIGTERM right after the answer, as Ctrl-C would).
 */
export async function measureLocalStart(projectDir: string, stackDir: string): Promise<TreeMeasurement> {
  const logDir = mkdtempSync(join(tmpdir(), 'bench-local-'));
  const log = join(logDir, 'rss.jsonl');
  const port = await freePort();
  try {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['run', '--silent', 'local', '--', '--port', String(port), '--stack-dir', stackDir], {
      cwd: projectDir,
      env: { ...process.env, BENCH_RSS_LOG: log, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require "${PRELOAD}"`.trim() },
      stdio: 'ignore',
      detached: true,
    });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    let wallMs: number | undefined;
    while (wallMs === undefined) {
      if (child.exitCode !== null) throw new Error(`npm run local exited ${child.exitCode} before it answered`);
      if (Number(process.hrtime.bigint() - started) / 1e6 > READY_TIMEOUT_MS) throw new Error('npm run local did not answer within 60 s');
      if (await answers(`http://127.0.0.1:${port}/`)) wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    const peaks = readFileSync(log, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as ProcessPeak);
    return {
      wallMs,
      cpuMs: peaks.reduce((sum, p) => sum + p.cpuMs, 0),
      peakRssMb: Math.max(0, ...peaks.map((p) => p.maxRssKb)) / 1024,
      counted: 'node',
    };
  } finally {
    rmSync(logDir, { recursive: true, force: true });
  }
}
