import { DrillInterrupted } from './errors';

/** Time as the drill sees it: injected so tests run instantly. */
export interface Clock {
  now(): number;
  /** Waits `ms`, or rejects as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason ?? new DrillInterrupted('abort'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason ?? new DrillInterrupted('abort'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  }),
};
