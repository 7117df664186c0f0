import { Clock } from '../../tools/cli/clock';

/** A clock that jumps instead of waiting; `onSleep` runs before each jump (tests fire interrupts from it). */
export class FakeClock implements Clock {
  time = 1_000_000;
  sleeps = 0;
  constructor(private readonly onSleep: (count: number) => void = () => undefined) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps += 1;
    this.onSleep(this.sleeps);
    if (signal?.aborted) throw signal.reason;
    this.time += ms;
  }
}
