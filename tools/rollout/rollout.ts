import { bake, BakeResult, describeCounts, RegionCounts } from './bake';
import { Clock } from '../cli/clock';
import { scaledClock } from './scaled-clock';
import { ApplyFailed, RolloutError, RolloutInterrupted } from './errors';
import { OutcomeKind, RolloutOutcome, WaveRecord } from './outcome';
import { Prober } from './probe';
import { ProgressFile } from './progress';
import { failureThreshold } from './region-gates';
import { regionId, Release } from './release';
import { waitUntilRecovered } from './recovery';
import { ProbeTarget, Target } from './target';

export interface RolloutPlan {
  readonly to: Release;
  readonly previous: Release;
  readonly waves: readonly (readonly string[])[];
  /** Model seconds. */
  readonly bakeSeconds: number;
  readonly minRequests: number;
  readonly pollSeconds: number;
  readonly probeTimeoutSeconds: number;
  /** Model seconds a rollback waits for its regions to be healthy and in DNS. */
  readonly rollbackWaitSeconds: number;
  /**
   * Model seconds after a rollback before a clean reading counts as recovered: while the error-rate alarm's window
   * still holds minutes of the new release, a clean reading can turn into an eviction.
   * @default 0
   */
  readonly rollbackSettleSeconds?: number;
}

export interface RolloutDeps {
  readonly target: Target;
  /** Real time; the rollout scales it by the target's time scale. */
  readonly clock: Clock;
  readonly prober: Prober;
  readonly progress: ProgressFile;
  readonly log: (line: string) => void;
  /** Subscribes to SIGINT/SIGTERM; returns the unsubscribe function. */
  readonly onInterrupt: (handler: (signal: string) => void) => () => void;
}

/**
 * Rolls `plan.to` out wave by wave: apply to the wave's regions, bake, next wave; a failed gate rolls every region
 * changed so far back to `plan.previous` in one apply; after the last wave, the target's final step proves the whole
 * release plans no change. SIGINT/SIGTERM stops at the next point where every region runs one whole release.
 */
export function runRollout(plan: RolloutPlan, deps: RolloutDeps): Promise<RolloutOutcome> {
  return new RolloutRun(plan, deps).run();
}

class RolloutRun {
  private readonly stop = new AbortController();
  private clock: Clock;
  private timeScale = 1;
  private rollingBack = false;
  private readonly where = new Map<string, string | undefined>();
  private readonly changedAt = new Map<string, number>();
  private readonly rolledBackAt = new Map<string, number>();
  private readonly waves: WaveRecord[] = [];
  private fired?: { region: string; signal: string };

  constructor(private readonly plan: RolloutPlan, private readonly deps: RolloutDeps) {
    this.clock = deps.clock;
  }

  async run(): Promise<RolloutOutcome> {
    const unsubscribe = this.deps.onInterrupt((signal) => {
      if (this.rollingBack) this.deps.log(`${signal}: finishing the rollback first, so no region is left half-applied`);
      else this.deps.log(`${signal}: stopping once every region runs one whole release`);
      this.stop.abort(new RolloutInterrupted(signal));
    });
    try {
      return await this.waveByWave();
    } catch (error) {
      if (error instanceof RolloutInterrupted || this.stop.signal.aborted) {
        return this.outcome('interrupted', { message: (this.stop.signal.reason as Error)?.message ?? String(error) });
      }
      if (error instanceof RolloutError) return this.outcome('stopped', { message: error.message });
      throw error;
    } finally {
      unsubscribe();
    }
  }

  private async waveByWave(): Promise<RolloutOutcome> {
    const { target } = this.deps;
    const signal = this.stop.signal;
    this.timeScale = await target.timeScale(signal);
    this.clock = scaledClock(this.deps.clock, this.timeScale);
    const regions = this.plan.waves.flat();
    // A region no rollout has recorded runs what was deployed before: --previous, as the user says.
    for (const [region, recorded] of await target.whatRunsWhere(regions, signal)) {
      const id = recorded ?? regionId(this.plan.previous, region);
      this.where.set(region, id);
      if (id === regionId(this.plan.to, region) && id !== regionId(this.plan.previous, region)) this.changedAt.set(region, this.clock.now());
    }
    for (const [index, wave] of this.plan.waves.entries()) {
      const stopped = await this.runWave(`wave ${index + 1} (${wave.join(', ')})`, wave);
      if (stopped) return stopped;
    }
    this.deps.log(`final step: ${target.description}: the release's global resources, then a full plan with no change`);
    await target.finish(this.plan.to, this.plan.previous, signal);
    return this.outcome('rolled-out');
  }

  /** Applies and bakes one wave; resolves with an outcome when the rollout must stop there (a rollback). */
  private async runWave(label: string, wave: readonly string[]): Promise<RolloutOutcome | undefined> {
    const { to } = this.plan;
    const pending = wave.filter((region) => this.where.get(region) !== regionId(to, region));
    const unbaked = this.deps.progress.unbaked(to).filter((region) => wave.includes(region));
    if (pending.length === 0 && unbaked.length === 0) {
      this.deps.log(`${label}: already on release ${to.key}, skipped`);
      this.waves.push({ regions: wave, skipped: true });
      return undefined;
    }
    if (pending.length > 0) {
      const failed = await this.applyWave(label, pending);
      if (failed) return failed;
    }
    const result = await this.bakeWave(label, wave);
    if (!result.passed) return this.rollBack(label, result.fired!, result.counts);
    this.deps.progress.markBaked(to, wave);
    this.deps.log(`${label}: gate held for ${Math.round(result.elapsedMs / 1000)} s; ${describeCounts(result.counts)}`);
    return undefined;
  }

  private async applyWave(label: string, regions: readonly string[]): Promise<RolloutOutcome | undefined> {
    const { to, previous } = this.plan;
    this.deps.log(`${label}: applying release ${to.key} to ${regions.join(', ')}`);
    try {
      await this.deps.target.apply({ release: to, from: previous, regions, label }, this.stop.signal);
    } catch (error) {
      if (!(error instanceof ApplyFailed)) throw error;
      regions.forEach((region) => this.changedAt.set(region, this.clock.now()));
      return this.rollBack(label, { region: regions.join(', '), signal: `apply failed: ${error.message}` });
    }
    for (const region of regions) {
      this.where.set(region, regionId(to, region));
      this.changedAt.set(region, this.clock.now());
    }
    this.deps.progress.markApplied(to, regions);
    if (this.stop.signal.aborted) throw this.stop.signal.reason;
    return undefined;
  }

  private async bakeWave(label: string, wave: readonly string[]): Promise<BakeResult> {
    const { to } = this.plan;
    const served = wave.filter((region) => Object.hasOwn(to.manifest.regions, region));
    const signal = this.stop.signal;
    if (served.length === 0) return { passed: true, counts: new Map(), elapsedMs: 0 };
    let gates;
    const probes = new Map<string, ProbeTarget>();
    try {
      gates = await this.deps.target.gates(to, served, signal);
      for (const region of served) probes.set(region, await this.deps.target.probeTarget(to, region, signal));
    } catch (error) {
      if (signal.aborted || !(error instanceof RolloutError)) throw signal.reason ?? error;
      return { passed: false, fired: { region: served.join(', '), signal: `gates unreadable: ${error.message}` }, counts: new Map(), elapsedMs: 0 };
    }
    this.deps.log(`${label}: baking at least ${this.plan.bakeSeconds} s and ${this.plan.minRequests} requests per region`);
    const result = await bake({
      label, regions: served, bakeMs: this.plan.bakeSeconds * 1000, minRequests: this.plan.minRequests,
      pollMs: this.plan.pollSeconds * 1000, threshold: failureThreshold(to), probeTimeoutMs: this.plan.probeTimeoutSeconds * 1000,
    }, { gates, probes, prober: this.deps.prober, clock: this.clock, log: this.deps.log }, signal);
    this.waves.push({
      regions: wave, skipped: false, passed: result.passed, bakedSeconds: Math.round(result.elapsedMs / 1000), counts: Object.fromEntries(result.counts),
    });
    return result;
  }

  /** Every region changed so far back to the previous release in one apply, then waits until they recover. */
  private async rollBack(label: string, fired: { region: string; signal: string }, counts?: ReadonlyMap<string, RegionCounts>): Promise<RolloutOutcome> {
    const { to, previous } = this.plan;
    const regions = [...this.changedAt.keys()].sort();
    const countsRecord = counts ? Object.fromEntries(counts) : undefined;
    this.fired = fired;
    this.deps.log(`${label}: gate failed in ${fired.region}: ${fired.signal}`);
    this.deps.log(`rollback: applying release ${previous.key} to ${regions.join(', ')} in one apply`);
    this.rollingBack = true;
    try {
      await this.deps.target.apply({ release: previous, from: to, regions, label: 'rollback' }, new AbortController().signal);
    } catch (error) {
      return this.outcome('rollback-failed', { fired, counts: countsRecord, message: (error as Error).message });
    } finally {
      this.rollingBack = false;
    }
    for (const region of regions) {
      this.where.set(region, regionId(previous, region));
      this.rolledBackAt.set(region, this.clock.now());
    }
    this.deps.progress.markBaked(to, regions);
    const served = regions.filter((region) => Object.hasOwn(previous.manifest.regions, region));
    const recovered = await waitUntilRecovered(this.deps.target, previous, served, {
      clock: this.clock, pollMs: this.plan.pollSeconds * 1000, waitMs: this.plan.rollbackWaitSeconds * 1000,
      settleMs: (this.plan.rollbackSettleSeconds ?? 0) * 1000, log: this.deps.log,
    }, this.stop.signal);
    return this.outcome('rolled-back', { fired, counts: countsRecord, recovered });
  }

  private outcome(kind: OutcomeKind, extra: Partial<RolloutOutcome> = {}): RolloutOutcome {
    const now = this.clock.now();
    const ranNewRelease = Object.fromEntries([...this.changedAt].map(([region, since]) =>
      [region, Math.round(((this.rolledBackAt.get(region) ?? now) - since) / 1000)]));
    return {
      kind, waves: this.waves, fired: this.fired, ranNewRelease, whereNow: Object.fromEntries(this.where), timeScale: this.timeScale, ...extra,
    };
  }
}
