import { request as httpRequest, IncomingMessage } from 'http';
import { request as httpsRequest } from 'https';
import { HELLO_SEARCH_STRING } from '../../src/contract';
import { ProbeTarget } from './target';

/** The outcome of one synthetic request: ok, or why it failed. */
export interface ProbeResult {
  readonly ok: boolean;
  readonly detail: string;
}

/** Sends one synthetic request to a region; resolves (never rejects) with its outcome. */
export type Prober = (target: ProbeTarget, timeoutMs: number, signal: AbortSignal) => Promise<ProbeResult>;

/** The served route answered as users need it: no 5xx, and a body with "Hello from". */
export function judgeAnswer(status: number, body: string): ProbeResult {
  if (status >= 500) return { ok: false, detail: `HTTP ${status}` };
  if (!body.includes(HELLO_SEARCH_STRING)) return { ok: false, detail: `HTTP ${status} without "${HELLO_SEARCH_STRING}"` };
  return { ok: true, detail: `HTTP ${status}` };
}

/**
 * GET `target.url` over http or https with `target.host` as the Host header (the local run routes by it, as API
 * Gateway's custom domains do). A timeout, a reset or any network error is a failed request, as users would see it.
 */
export const httpProber: Prober = (target, timeoutMs, signal) => new Promise((resolve) => {
  const url = new URL(target.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const timeout = AbortSignal.timeout(timeoutMs);
  const request = send(url, {
    method: 'GET', signal: AbortSignal.any([signal, timeout]), headers: target.host ? { host: target.host } : {},
  }, (response: IncomingMessage) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => resolve(judgeAnswer(response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8', 0, 5120))));
    response.on('error', (error) => resolve({ ok: false, detail: error.message }));
  });
  request.on('error', (error) => resolve({ ok: false, detail: timeout.aborted ? `no answer within ${timeoutMs / 1000} s` : error.message }));
  request.end();
});
