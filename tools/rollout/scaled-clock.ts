import { Clock } from '../cli/clock';

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
