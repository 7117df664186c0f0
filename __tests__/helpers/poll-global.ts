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
