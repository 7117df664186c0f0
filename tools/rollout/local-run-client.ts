import { RolloutError } from './errors';

/** One region as `GET /control/regions` of the local run reports it: the fields the rollout reads. */
export interface LocalRegionReport {
  readonly region: string;
  /** Whether the check the region's latency records carry is healthy (the local run's Route 53). */
  readonly healthy: boolean;
  /** The regional server's base URL (`http://127.0.0.1:<port>`); synthetic requests go there with the region's Host. */
  readonly url?: string;
  /** The emulated error-rate alarm (error-rate eviction). */
  readonly alarm?: 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';
  /** Whether the latency records would answer the region now. */
  readonly inDns?: boolean;
  /** The release id the region serves now (tools/stack-model/release-id.ts over the stack it loaded). */
  readonly release?: string;
  /** Every release id it served since the local run started, in order. */
  readonly releasesServed?: readonly string[];
}

export interface LocalRunReport {
  /** The local run's `--time-scale`: model seconds per real second. */
  readonly timeScale?: number;
  readonly regions: readonly LocalRegionReport[];
}

/** The local run's control routes, each call bounded by `callTimeoutMs` and stopped by `signal`. */
export class LocalRunClient {
  constructor(readonly baseUrl: string, private readonly callTimeoutMs: number) {}

  async regions(signal: AbortSignal): Promise<LocalRunReport> {
    const body = await this.call('GET', '/control/regions', undefined, signal);
    const report = body as LocalRunReport;
    if (!report || !Array.isArray(report.regions)) throw new RolloutError(`${this.baseUrl}/control/regions did not answer {"regions": [...]}`);
    return report;
  }

  /** `POST /control/regions/<region>/release {"stackDir"}`: the region serves that synthesized stack from now on. */
  async release(region: string, stackDir: string, signal: AbortSignal): Promise<void> {
    await this.call('POST', `/control/regions/${encodeURIComponent(region)}/release`, { stackDir }, signal);
  }

  private async call(method: string, path: string, body: unknown, signal: AbortSignal): Promise<unknown> {
    const url = `${this.baseUrl}${path}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method, signal: AbortSignal.any([signal, AbortSignal.timeout(this.callTimeoutMs)]),
        ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      });
    } catch (error) {
      if (signal.aborted) throw signal.reason;
      throw new RolloutError(`${method} ${url}: no answer from the local run (${(error as Error).name === 'TimeoutError' ? `${this.callTimeoutMs / 1000} s` : (error as Error).message})`);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!response.ok) {
      const message = (parsed as { message?: string } | undefined)?.message ?? text.slice(0, 200);
      throw new RolloutError(`${method} ${url}: ${response.status} ${message}`);
    }
    return parsed;
  }
}
