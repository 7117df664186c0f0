import { ApplyFailed } from '../../../tools/rollout/errors';
import { Prober } from '../../../tools/rollout/probe';
import { regionId, Release } from '../../../tools/rollout/release';
import { ApplyStep, GateReader, ProbeTarget, Target } from '../../../tools/rollout/target';

export interface AppliedStep {
  readonly label: string;
  readonly release: string;
  readonly from: string;
  readonly regions: readonly string[];
}

/**
 * A target in memory: applying sets what each region runs, gates fire what `fired(region, releaseId)` says. Hooks let
 * a test act in the middle of an apply (an interrupt) or fail one.
 */
export class FakeTarget implements Target {
  readonly description = 'a fake target';
  readonly applied: AppliedStep[] = [];
  readonly where: Map<string, string | undefined>;
  finished = 0;
  timeScaleValue = 1;
  fired: (region: string, releaseId: string | undefined) => string[] = () => [];
  onApply: (step: ApplyStep) => void = () => undefined;
  failApply: (step: ApplyStep) => boolean = () => false;

  constructor(where: Record<string, string | undefined>) {
    this.where = new Map(Object.entries(where));
  }

  async timeScale(): Promise<number> {
    return this.timeScaleValue;
  }

  async whatRunsWhere(regions: readonly string[]): Promise<ReadonlyMap<string, string | undefined>> {
    return new Map(regions.map((region) => [region, this.where.get(region)]));
  }

  async apply(step: ApplyStep, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    this.onApply(step);
    this.applied.push({ label: step.label, release: step.release.key, from: step.from.key, regions: [...step.regions] });
    if (this.failApply(step)) {
      this.where.set(step.regions[0], regionId(step.release, step.regions[0]));
      throw new ApplyFailed(`${step.label}: terraform apply failed in /work (exit 1): Error: creating Lambda Function: ThrottlingException`);
    }
    for (const region of step.regions) this.where.set(region, regionId(step.release, region));
  }

  async finish(): Promise<void> {
    this.finished += 1;
  }

  async gates(_release: Release, regions: readonly string[]): Promise<GateReader> {
    return {
      read: async () => regions.map((region) => {
        const fired = this.fired(region, this.where.get(region));
        return { region, fired, inDns: fired.length === 0 };
      }),
    };
  }

  async probeTarget(_release: Release, region: string): Promise<ProbeTarget> {
    return { url: `http://fake/${region}`, host: `${region}.api.example.com` };
  }
}

/** A prober that answers every region well, except those `failing` names. */
export function fakeProber(failing: (region: string) => boolean = () => false): Prober & { readonly sent: Map<string, number> } {
  const sent = new Map<string, number>();
  const prober = (async (target: ProbeTarget) => {
    const region = target.url.split('/').pop()!;
    sent.set(region, (sent.get(region) ?? 0) + 1);
    return failing(region) ? { ok: false, detail: 'HTTP 502' } : { ok: true, detail: 'HTTP 200' };
  }) as unknown as Prober & { sent: Map<string, number> };
  prober.sent = sent;
  return prober;
}
