import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';

export const COMPILED_MAIN = join(projectRoot(), 'dist', 'main.js');

export interface MainRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outdir: string;
}

/** Runs the compiled app (`npm run build` makes it) as cdktf would, writing into a fresh output folder. */
export function runMain(env: Record<string, string> = {}): MainRun {
  if (!existsSync(COMPILED_MAIN)) throw new Error(`${COMPILED_MAIN} is missing: run \`npm run build\` first`);
  const outdir = mkdtempSync(join(tmpdir(), 'mr-api-out-'));
  const result = spawnSync(process.execPath, [COMPILED_MAIN], {
    cwd: projectRoot(),
    env: { ...process.env, CDKTF_OUTDIR: outdir, ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, outdir };
}
