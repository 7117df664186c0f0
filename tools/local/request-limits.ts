import { IncomingMessage, ServerResponse } from 'http';
import { LocalRunError } from './errors';

/** Largest request body the local run accepts; larger ones get 413 and are not read further. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body over MAX_BODY_BYTES. */
export class BodyTooLarge extends LocalRunError {
  constructor() {
    super(`request body over ${MAX_BODY_BYTES} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * Why a request target is refused with 400, or undefined for an origin-form path (`/a/b?c`) with valid
 * percent-encoding. Absolute-form (`http://host/x`), network-path (`//host/x`, and `/\host/x`, which URL parsers read
 * the same way) and asterisk-form targets would name another host; nothing here forwards them.
 */
export function refuseTarget(target: string | undefined): string | undefined {
  if (!target || !target.startsWith('/') || /^\/[/\\]/.test(target)) {
    return `request target must be a path like /v1/helloworld, not ${JSON.stringify(target ?? '')}`;
  }
  try {
    decodeURIComponent(target);
  } catch {
    return `malformed percent-encoding in ${JSON.stringify(target)}`;
  }
  return undefined;
}

/** Whether the declared Content-Length is already over the limit (a chunked body is counted as it arrives). */
export function declaresTooLarge(request: IncomingMessage): boolean {
  return Number(request.headers['content-length'] ?? 0) > MAX_BODY_BYTES;
}

/**
 * Reads a request body as text, up to MAX_BODY_BYTES: past that it stops keeping chunks and rejects with
 * BodyTooLarge, so an oversized body costs no memory (`refuse` then drops the rest and cuts the connection).
 */
export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (declaresTooLarge(request)) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      request.off('data', onData);
      chunks.length = 0;
      reject(new BodyTooLarge());
    };
    request.on('data', onData);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** How long a refused body may keep arriving (and is dropped) after the 413, so the client can read the answer. */
const LINGER_MS = 500;

/**
 * Answers a refused request as JSON. After a 413 the rest of the body is dropped as it arrives and the connection is
 * cut LINGER_MS later: closing at once would reset it before the client read the 413 (unread data makes the close a
 * reset), reading on would let a client send without end.
 */
export function refuse(response: ServerResponse, status: 400 | 413, message: string): void {
  if (response.headersSent) return void response.destroy();
  const body = JSON.stringify({ message });
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
  const { req: request, socket } = response;
  if (status !== 413 || request.complete) return;
  const cut = setTimeout(() => socket?.destroy(), LINGER_MS);
  request.once('end', () => clearTimeout(cut));
  request.resume();
}
