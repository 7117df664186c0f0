import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCompiledApp } from '../../tools/stack-model/synthesize';

export interface MainRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outdir: string;
}

/** Runs the compiled app (`npm run build` makes it) as cdktf would, writing into a fresh output folder. */
export function runMain(env: Record<string, string> = {}): MainRun {
  const outdir = mkdtempSync(join(tmpdir(), 'mr-api-out-'));
  const result = runCompiledApp(outdir, env);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outdir };
}
