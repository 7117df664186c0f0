import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';

/**
 * Terraform's docs say its plugin cache is not safe for concurrent `terraform init`s. The test workers and the tools
 * share one cache, so inits that use it take turns, across processes, by holding a lock folder beside it. A lock
 * whose owner process is gone is taken over.
 */
export async function withInitLock<T>(pluginCacheDir: string, work: () => Promise<T>, timeoutMs = 300_000): Promise<T> {
  const lock = `${pluginCacheDir}.init-lock`;
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(lock, { recursive: false });
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        mkdirSync(join(lock, '..'), { recursive: true });
        continue;
      }
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!ownerAlive(lock)) {
        rmSync(lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`waited ${timeoutMs / 1000} s for another terraform init to release ${lock}; remove it if no init is running`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function ownerAlive(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return true; // just created: its owner has not written the pid yet
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
