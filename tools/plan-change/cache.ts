import { createHash } from 'crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';

/** Overrides where plan:change keeps init folders, provider schemas and proven prior states. */
export const CACHE_DIR_ENV_VAR = 'PLAN_CHANGE_CACHE_DIR';

export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env[CACHE_DIR_ENV_VAR] || join(projectRoot(), 'node_modules', '.cache', 'plan-change');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function hashOf(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex').slice(0, 24);
}

/** Bump when the way a prior state is built changes, so cached states from older builders are not reused. */
const PRIOR_STATE_BUILDER = '3';

/** Where the proven prior state of a synthesized stack is cached, for this init folder (Terraform and provider). */
export function priorStateFile(cache: string, initDir: string, stack: { readonly model: { readonly json: unknown } }): string {
  return join(cache, `state-${hashOf(PRIOR_STATE_BUILDER, initDir, JSON.stringify(stack.model.json))}.tfstate`);
}

export function readCached(file: string): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}

/** Writes through a temporary name, so a run in another worktree never reads half a file. */
export function writeCached(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}
