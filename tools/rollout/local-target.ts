import { CLIENT_HELLO_PATH, STAGE_NAME, HELLO_PATH } from '../../src/contract';
import { ApplyFailed, RolloutError } from './errors';
import { LocalRegionReport, LocalRunClient } from './local-run-client';
import { regionGateNames } from './region-gates';
import { regionId, Release } from './release';
import { ApplyStep, GateReader, ProbeTarget, RegionSignals, Target } from './target';

/**
 * The local run as the target (`--local <url>`): applying a release to a region is `POST
 * /control/regions/<r>/release` with the release's stack folder; what runs where, the gates (the emulated error-rate
 * alarm and the check the records carry) and the time scale come from `GET /control/regions`.
 */
export class LocalTarget implements Target {
  readonly description: string;

  constructor(private readonly client: LocalRunClient) {
    this.description = `the local run at ${client.baseUrl}`;
  }

  async timeScale(signal: AbortSignal): Promise<number> {
    const { timeScale } = await this.client.regions(signal);
    if (typeof timeScale !== 'number' || !(timeScale > 0)) {
      throw new RolloutError(`${this.description} does not report its timeScale in GET /control/regions: it cannot take releases`);
    }
    return timeScale;
  }

  async whatRunsWhere(regions: readonly string[], signal: AbortSignal): Promise<ReadonlyMap<string, string | undefined>> {
    const reports = await this.reports(signal);
    return new Map(regions.map((region) => [region, reports.get(region)?.release]));
  }

  /** One POST per region, all of them even if `signal` aborts after the first (the step is whole or not started). */
  async apply(step: ApplyStep, signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw signal.reason;
    const whole = new AbortController().signal;
    for (const [index, region] of step.regions.entries()) {
      try {
        await this.client.release(region, step.release.stackDir, whole);
      } catch (error) {
        const done = step.regions.slice(0, index);
        if (done.length === 0) throw error;
        throw new ApplyFailed(`${step.label}: ${(error as Error).message} (after ${done.join(', ')} took the release)`);
      }
    }
    const reports = await this.reports(whole);
    const wrong = step.regions.find((region) => reports.get(region)?.release !== regionId(step.release, region));
    if (wrong) {
      throw new ApplyFailed(`${step.label}: ${this.description} says ${wrong} serves ${reports.get(wrong)?.release ?? 'nothing'}, not ${regionId(step.release, wrong)}`);
    }
  }

  async finish(release: Release, _previous: Release, signal: AbortSignal): Promise<void> {
    const reports = await this.reports(signal);
    const behind = Object.keys(release.manifest.regions).filter((region) => reports.get(region)?.release !== regionId(release, region));
    if (behind.length > 0) throw new RolloutError(`${behind.join(', ')} ${behind.length > 1 ? 'do' : 'does'} not serve the release after the last wave`);
  }

  async gates(): Promise<GateReader> {
    return {
      read: async (regions, _since, signal) => {
        const reports = await this.reports(signal);
        return regions.map((region) => signalsOf(region, reports.get(region)));
      },
    };
  }

  async probeTarget(release: Release, region: string, signal: AbortSignal): Promise<ProbeTarget> {
    const url = (await this.reports(signal)).get(region)?.url;
    if (!url) throw new RolloutError(`${this.description} reports no url for ${region}: synthetic requests cannot reach it`);
    const { hostname } = regionGateNames(release, region);
    return hostname ? { url: `${url}${CLIENT_HELLO_PATH}`, host: hostname } : { url: `${url}/${STAGE_NAME}/${HELLO_PATH}` };
  }

  private async reports(signal: AbortSignal): Promise<Map<string, LocalRegionReport>> {
    return new Map((await this.client.regions(signal)).regions.map((report) => [report.region, report]));
  }
}

function signalsOf(region: string, report: LocalRegionReport | undefined): RegionSignals {
  if (!report) return { region, fired: [`the local run does not serve ${region}`] };
  const fired = [
    ...(report.alarm === 'ALARM' ? [`error-rate alarm of ${region} is ALARM (local run)`] : []),
    ...(report.healthy === false ? [`the check ${region}'s latency records carry is unhealthy (local run)`] : []),
  ];
  return { region, fired, inDns: report.inDns ?? report.healthy };
}
