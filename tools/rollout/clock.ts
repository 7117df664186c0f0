import { RolloutInterrupted } from './errors';

/** Time as the rollout sees it: injected so tests run instantly. */
export interface Clock {
  now(): number;
  /** Waits `ms`, or rejects with the signal's reason as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new RolloutInterrupted('abort'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new RolloutInterrupted('abort'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};

/**
 * Model time over `base`: `timeScale` model milliseconds pass per real millisecond (the local run's `--time-scale`),
 * so a bake of 900 model seconds at scale 10 takes 90 real seconds. Scale 1 is `base` itself.
 */
export function scaledClock(base: Clock, timeScale: number): Clock {
  if (timeScale === 1) return base;
  const origin = base.now();
  return {
    now: () => origin + (base.now() - origin) * timeScale,
    sleep: (ms, signal) => base.sleep(ms / timeScale, signal),
  };
}
