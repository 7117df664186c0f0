import { regionOfHello } from '../../src/contract';
import { SERVED_REGION_HEADER } from '../../tools/local/global-server';

export interface Answer {
  readonly status: number;
  readonly region?: string;
  readonly servedBy: string | null;
}

export async function ask(url: string): Promise<Answer> {
  const response = await fetch(url);
  const body = await response.json() as { message?: string };
  return { status: response.status, region: regionOfHello(body.message), servedBy: response.headers.get(SERVED_REGION_HEADER) };
}

/** Polls `url` every `everyMs` until `region` answers; resolves to the elapsed ms, rejects after `limitMs`. */
export async function untilAnswerFrom(url: string, region: string, limitMs: number, everyMs = 20): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = await ask(url);
    const elapsed = Date.now() - started;
    if (answer.status === 200 && answer.region === region) return elapsed;
    if (elapsed > limitMs) throw new Error(`still ${answer.region ?? `HTTP ${answer.status}`} after ${elapsed} ms, expected ${region} within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Waits until `condition()` holds, polling every `everyMs`; resolves to the elapsed ms, rejects after `limitMs`. */
export async function until(what: string, condition: () => boolean, limitMs: number, everyMs = 10): Promise<number> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return Date.now() - started;
}

/** One answer a SteadyClient got: when, its status, and the region that served it (X-Served-Region). */
export interface Seen {
  readonly at: number;
  readonly status: number;
  readonly servedBy: string | null;
}

/**
 * A client calling `url` at a steady rate (one request, then `everyMs`, then the next), keeping every answer: the
 * user traffic whose errors the alarms count.
 */
export class SteadyClient {
  readonly answers: Seen[] = [];
  private running = false;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly url: string, private readonly everyMs = 20) {}

  start(): this {
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        const response = await fetch(this.url);
        await response.arrayBuffer();
        this.answers.push({ at: Date.now(), status: response.status, servedBy: response.headers.get(SERVED_REGION_HEADER) });
        await new Promise((resolve) => setTimeout(resolve, this.everyMs));
      }
    })();
    return this;
  }

  stop(): Promise<void> {
    this.running = false;
    return this.loop;
  }

  /** Answers since `from` (epoch ms). */
  since(from: number): Seen[] {
    return this.answers.filter((answer) => answer.at >= from);
  }

  /** Ms from `from` to the first answer after it that `match`es; rejects (saying what it saw last) after `limitMs`. */
  async waitFor(what: string, from: number, match: (answer: Seen) => boolean, limitMs: number): Promise<number> {
    for (;;) {
      const found = this.since(from).find(match);
      if (found) return found.at - from;
      if (Date.now() - from > limitMs) {
        const last = this.answers[this.answers.length - 1];
        throw new Error(`${what}: not within ${limitMs} ms (last answer: HTTP ${last?.status} from ${last?.servedBy})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
