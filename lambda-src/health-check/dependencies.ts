import { refuseDependencyUrl } from '../shared/dependency-url';

/** `refused`: the URL (or a redirect's target) is one the health function must never probe; see ../shared/dependency-url. */
export type ProbeOutcome = 'up' | 'timeout' | 'unreachable' | 'refused' | `http-${number}`;

/** Probes one URL; resolves to 'up' on a 2xx answer. Never rejects. */
export type Probe = (url: string, signal: AbortSignal) => Promise<ProbeOutcome>;

/** As many redirects as fetch follows by itself; each target is checked before it is requested. */
const MAX_REDIRECTS = 20;

export const fetchProbe: Probe = async (url, signal) => {
  try {
    let target = url;
    for (let redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
      const response = await fetch(target, { method: 'GET', signal, redirect: 'manual' });
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) return response.ok ? 'up' : `http-${response.status}`;
      target = new URL(location, target).href;
      const refusal = refuseDependencyUrl(target);
      if (refusal) {
        console.error(`health-check: a dependency redirects to a URL that ${refusal.problem}: not followed`);
        return 'refused';
      }
    }
    return 'unreachable';
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
