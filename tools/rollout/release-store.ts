import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'fs';
import { basename, join } from 'path';
import { configPath } from '../../src/config/load';
import { projectRoot } from '../../src/project-root';
import { readRelease, Release, releaseKey } from './release';
import { Synthesize, writeRelease } from './release-writer';

export const LAST_RELEASE = 'last-release';

/**
 * Where the rollout keeps what outlives one run, per environment: `.rollout/<config file name>/` in the project
 * (`--state-dir` to choose). It holds `last-release/` (the release the last successful rollout applied everywhere:
 * the next rollout's default `--previous`), `releases/<key>/` (fresh synths used as `--to`), `progress.json` and, for
 * Terraform, `regions.json` and `work/` (see docs/rollout.md).
 */
export function defaultStateDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(projectRoot(), '.rollout', basename(configPath(env)).replace(/\.json$/i, ''));
}

/** The release saved by the last successful rollout, or undefined when none was saved in `stateDir`. */
export function readLastRelease(stateDir: string): Release | undefined {
  const saved = join(stateDir, LAST_RELEASE);
  if (existsSync(saved)) return readRelease(saved, '--previous');
  // A save that stopped between its two renames left the earlier release aside: it is still the last whole one.
  const aside = readdirSync(stateDir, { withFileTypes: true }).find((e) => e.isDirectory() && e.name.startsWith(`.${LAST_RELEASE}.replaced-`));
  return aside ? readRelease(join(stateDir, aside.name), '--previous') : undefined;
}

/** Saves `release` as the next rollout's `--previous`: copied whole beside the old one, then swapped in by renames. */
export function saveLastRelease(stateDir: string, release: Release): string {
  mkdirSync(stateDir, { recursive: true });
  const saved = join(stateDir, LAST_RELEASE);
  const partial = join(stateDir, `.${LAST_RELEASE}.partial-${process.pid}`);
  const aside = join(stateDir, `.${LAST_RELEASE}.replaced-${process.pid}`);
  rmSync(partial, { recursive: true, force: true });
  cpSync(release.dir, partial, { recursive: true });
  if (existsSync(saved)) renameSync(saved, aside);
  renameSync(partial, saved);
  rmSync(aside, { recursive: true, force: true });
  return saved;
}

/** `--to` by default: a fresh synth of the current tree and config, kept as `releases/<key>/` so a resume can name it. */
export function freshRelease(stateDir: string, synthesize?: Synthesize): Release {
  const releases = join(stateDir, 'releases');
  mkdirSync(releases, { recursive: true });
  const scratch = join(releases, `.synth-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  try {
    const manifest = writeRelease(scratch, synthesize);
    const kept = join(releases, releaseKey(manifest));
    if (existsSync(kept)) rmSync(scratch, { recursive: true });
    else renameSync(scratch, kept);
    return readRelease(kept, '--to');
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
