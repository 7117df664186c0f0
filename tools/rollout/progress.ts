import { join } from 'path';
import { readJsonOr, writeJsonAtomic } from './atomic-json';
import { Release } from './release';

type Progress = { readonly release?: string; readonly unbaked: readonly string[] };

/**
 * Regions a rollout applied a release to whose bake has not passed yet (`<state dir>/progress.json`). A rerun of an
 * interrupted rollout skips a wave whose regions already serve the release, unless they are listed here: then it
 * bakes them again before going on.
 */
export class ProgressFile {
  private readonly file: string;

  constructor(stateDir: string) {
    this.file = join(stateDir, 'progress.json');
  }

  unbaked(release: Release): string[] {
    const progress = readJsonOr<Progress>(this.file, { unbaked: [] });
    return progress.release === release.key ? [...progress.unbaked] : [];
  }

  markApplied(release: Release, regions: readonly string[]): void {
    this.write(release, [...new Set([...this.unbaked(release), ...regions])]);
  }

  markBaked(release: Release, regions: readonly string[]): void {
    this.write(release, this.unbaked(release).filter((region) => !regions.includes(region)));
  }

  private write(release: Release, unbaked: readonly string[]): void {
    writeJsonAtomic(this.file, { release: release.key, unbaked: [...unbaked].sort() });
  }
}
