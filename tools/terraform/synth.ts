import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';

export class SynthError extends Error {}

/** Synthesizes every stack into `outdir` by running the compiled app exactly as cdktf does (`npm run build` first). */
export function synthesizeInto(outdir: string, env: NodeJS.ProcessEnv = process.env): void {
  const main = join(projectRoot(), 'dist', 'main.js');
  if (!existsSync(main)) throw new SynthError(`${main} is missing: run \`npm run build\` first`);
  const result = spawnSync(process.execPath, [main], {
    cwd: projectRoot(), env: { ...env, CDKTF_OUTDIR: outdir }, encoding: 'utf8',
  });
  if (result.status !== 0) throw new SynthError((result.stderr || result.stdout || `synth exited ${result.status}`).trim());
}
