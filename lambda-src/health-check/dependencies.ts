export type ProbeOutcome = 'up' | 'timeout' | 'unreachable' | `http-${number}`;

/** Probes one URL; resolves to 'up' on a 2xx answer. Never rejects. */
export type Probe = (url: string, signal: AbortSignal) => Promise<ProbeOutcome>;

export const fetchProbe: Probe = async (url, signal) => {
  try {
    const response = await fetch(url, { method: 'GET', signal, redirect: 'follow' });
    await response.body?.cancel();
    return response.ok ? 'up' : `http-${response.status}`;
  } catch {
    return signal.aborted ? 'timeout' : 'unreachable';
  }
};

export interface DependencyFailure {
  /** Position in the DEPENDENCY_URLS list (URLs are not echoed: they may contain the health check's search string). */
  readonly index: number;
  readonly outcome: Exclude<ProbeOutcome, 'up'>;
}

/**
 * Probes every URL in parallel under one shared budget: whatever has not answered when the budget runs out counts as
 * a timeout, even a probe that ignores its abort signal, so the health answer always leaves inside the budget.
 */
export async function probeDependencies(
  urls: readonly string[], budgetMs: number, probe: Probe = fetchProbe,
): Promise<DependencyFailure[]> {
  if (urls.length === 0) return [];
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve('timeout');
    }, budgetMs);
  });
  try {
    const outcomes = await Promise.all(urls.map((url) =>
      Promise.race([probe(url, controller.signal).catch((): ProbeOutcome => 'unreachable'), budget])));
    return outcomes.flatMap((outcome, index) => (outcome === 'up' ? [] : [{ index, outcome }]));
  } finally {
    clearTimeout(timer);
  }
}
