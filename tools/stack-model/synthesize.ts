import { spawnSync, SpawnSyncReturns } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';

export class SynthError extends Error {}

/** The app `npm run build` compiles; cdktf runs it to synthesize. */
export const COMPILED_MAIN = join(projectRoot(), 'dist', 'main.js');

/** Runs the compiled app exactly as cdktf does, writing every stack into `outdir`; `env` adds to this process's. */
export function runCompiledApp(outdir: string, env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> {
  if (!existsSync(COMPILED_MAIN)) throw new SynthError(`${COMPILED_MAIN} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [COMPILED_MAIN], {
    cwd: projectRoot(), env: { ...process.env, ...env, CDKTF_OUTDIR: outdir }, encoding: 'utf8',
  });
}

/** Synthesizes every stack into `outdir`; a failed synth is a SynthError with the app's own message. */
export function synthesizeInto(outdir: string): void {
  const result = runCompiledApp(outdir);
  if (result.status !== 0) throw new SynthError((result.stderr || result.stdout || `synth exited ${result.status}`).trim());
}
