import { existsSync } from 'fs';
import { join, resolve } from 'path';
import { LocalRunError } from './errors';
import { LocalStackModel } from './model';
import { readStackWithSource, STACK_FILE } from './read-stack';
import { composeModel, RegionRelease, releasesOf, RoutingPart } from './region-parts';

/** A release the local run will not take (a bad folder, a stack without the region): one line, HTTP 400. */
export class ReleaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseRefused';
  }
}

/** The release a region takes, with the model the local run serves once it has: built whole before anything changes. */
export interface PendingRelease {
  readonly release: RegionRelease;
  readonly model: LocalStackModel;
}

/**
 * Which release each region serves, and the model that makes: the stack the run started from, then, per region, the
 * stack of every release applied to it (`POST /control/regions/<r>/release`). The global part (what no region owns)
 * stays the starting stack's.
 */
export class ServedReleases {
  private readonly served = new Map<string, RegionRelease>();
  private readonly history = new Map<string, string[]>();
  private current: LocalStackModel;

  private constructor(private readonly regions: readonly string[], initial: ReadonlyMap<string, RegionRelease>, private readonly global: RoutingPart) {
    for (const [region, release] of initial) {
      this.served.set(region, release);
      this.history.set(region, [release.id]);
    }
    this.current = composeModel(regions, this.served, global);
  }

  /** The stack the local run starts with; every problem is one LocalRunError line. */
  static read(stackDir: string): ServedReleases {
    const { model, stack } = readStackWithSource(stackDir);
    let cut;
    try {
      cut = releasesOf(stackDir, stack, model);
    } catch (error) {
      throw new LocalRunError((error as Error).message);
    }
    const unowned = model.regions.find((region) => !cut.regions.has(region));
    if (unowned) throw new LocalRunError(`${stackDir}: region ${unowned} has a provider but no resources to serve`);
    return new ServedReleases(model.regions, cut.regions, cut.global);
  }

  /** What the local run serves now. */
  get model(): LocalStackModel {
    return this.current;
  }

  release(region: string): RegionRelease {
    return this.served.get(region)!;
  }

  /** Every release id `region` served since the run started, in order. */
  releasesServed(region: string): readonly string[] {
    return this.history.get(region) ?? [];
  }

  /**
   * Reads `stackDir` and builds what the run serves once `region` takes its release, changing nothing yet;
   * ReleaseRefused (one line) for a folder that is not a synthesized stack of this project or lacks the region.
   */
  prepare(region: string, stackDir: string): PendingRelease {
    const dir = resolve(stackDir);
    if (!existsSync(join(dir, STACK_FILE))) {
      throw new ReleaseRefused(`stackDir ${dir}: no ${STACK_FILE} here (give a release's stacks/multi-region-api folder)`);
    }
    let release: RegionRelease | undefined;
    let regions: readonly string[];
    try {
      const { model, stack } = readStackWithSource(dir);
      regions = model.regions;
      release = releasesOf(dir, stack, model).regions.get(region);
    } catch (error) {
      throw new ReleaseRefused(`stackDir ${dir}: ${(error as Error).message}`);
    }
    if (!release) throw new ReleaseRefused(`stackDir ${dir}: the stack has no region ${region} (its regions: ${regions.join(', ') || 'none'})`);
    try {
      return { release, model: composeModel(this.regions, new Map([...this.served, [region, release]]), this.global) };
    } catch (error) {
      throw new ReleaseRefused(`stackDir ${dir}: ${region}'s release does not fit the local run: ${(error as Error).message}`);
    }
  }

  /** Records that the region now serves `pending`'s release. */
  commit({ release, model }: PendingRelease): void {
    this.served.set(release.region, release);
    this.history.get(release.region)!.push(release.id);
    this.current = model;
  }
}
