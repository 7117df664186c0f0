import { IncomingMessage, ServerResponse } from 'http';
import { AlarmState } from './check-status';
import { LocalRunError } from './errors';
import { parseFault, RegionFault } from './faults';
import { readBody } from './request-limits';

export const CONTROL_PREFIX = '/control/';
export const STATUS_VALUES = ['fail', 'ok'] as const;
export type RegionStatus = typeof STATUS_VALUES[number];

export interface RegionReport {
  readonly region: string;
  /** The health function's STATUS environment variable. */
  readonly status: string;
  /** What Route 53 concludes of the check the region's latency records carry. */
  readonly healthy: boolean;
  /** Whether latency routing would answer with this region now: healthy, or every region unhealthy (fail-open). */
  readonly inDns: boolean;
  readonly lastCheck?: string;
  /** The fault set on the region: `none`, `unmapped` (no base path mappings) or `hello-errors`. */
  readonly fault: RegionFault['fault'];
  /** With `hello-errors`: the share of the hello function's invocations that fail. */
  readonly faultRate?: number;
  /** The served route's share of 5xx answers in the last complete period; null without requests or without an alarm. */
  readonly errorRate: number | null;
  /** The served route's requests in the last complete period; null without an error-rate alarm. */
  readonly requests: number | null;
  /** The error-rate alarm's state as Route 53 reads it; null when the stack has none (healthCheck.errorRate off). */
  readonly alarm: AlarmState | null;
}

export interface Controls {
  report(): { readonly answering?: string; readonly regions: readonly RegionReport[] };
  /** Sets STATUS on the region's health function; LocalRunError for an unknown region. */
  setStatus(region: string, status: RegionStatus): void;
  /** Sets a fault on the region; LocalRunError for an unknown region. */
  setFault(region: string, fault: RegionFault): void;
  /** Origins whose pages may use the control routes: the local browser client's own. */
  trustedOrigins(): readonly string[];
}

const ROUTES = 'control routes: GET /control/regions, POST /control/regions/<region>/status, POST /control/regions/<region>/fault';

/**
 * GET  /control/regions                    -> {"answering": region, "regions": [RegionReport...]} (HEAD: its headers)
 * POST /control/regions/<region>/status    {"status": "fail" | "ok"} -> the region's new RegionReport
 * POST /control/regions/<region>/fault     {"fault": "unmapped" | "none"} or {"fault": "hello-errors", "rate": 0.3}
 * Only from a request without Origin or from the local client's page, and POST bodies only as application/json: any
 * other web page the user has open could otherwise flip regions (a cross-origin text/plain POST needs no preflight).
 */
export async function handleControl(request: IncomingMessage, response: ServerResponse, controls: Controls): Promise<void> {
  const refused = refuseControl(request, controls.trustedOrigins());
  if (refused) return json(response, 403, { message: refused });
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if ((request.method === 'GET' || request.method === 'HEAD') && path === '/control/regions') return json(response, 200, controls.report());
  const flip = /^\/control\/regions\/([^/]+)\/(status|fault)$/.exec(path);
  if (request.method !== 'POST' || !flip) return json(response, 404, { message: ROUTES });
  const region = decodeURIComponent(flip[1]);
  const body = await readBody(request);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return json(response, 400, { message: `body must be JSON like ${flip[2] === 'status' ? '{"status":"fail"}' : '{"fault":"hello-errors","rate":0.3}'}` });
  }
  const change = flip[2] === 'status' ? statusChange(value, controls, region) : faultChange(value, controls, region);
  if (typeof change === 'string') return json(response, 400, { message: change });
  try {
    change();
  } catch (error) {
    if (error instanceof LocalRunError) return json(response, 404, { message: error.message });
    throw error;
  }
  return json(response, 200, controls.report().regions.find((r) => r.region === region));
}

/** Why a control request gets 403 and changes nothing, or undefined when it may go on. */
export function refuseControl(request: IncomingMessage, trustedOrigins: readonly string[]): string | undefined {
  const origin = request.headers.origin;
  if (origin !== undefined && !trustedOrigins.includes(origin)) {
    return `control routes take requests without Origin or from ${trustedOrigins.join(' or ') || 'the local client'}, not from ${origin}`;
  }
  if (request.method !== 'POST') return undefined;
  const type = request.headers['content-type'];
  if (type?.split(';')[0].trim().toLowerCase() !== 'application/json') {
    return `control bodies must be sent with Content-Type: application/json, not ${JSON.stringify(type ?? '(none)')}`;
  }
  return undefined;
}

function statusChange(body: unknown, controls: Controls, region: string): string | (() => void) {
  const status = (body as { status?: unknown } | null)?.status;
  if (!STATUS_VALUES.includes(status as RegionStatus)) {
    return `status must be ${STATUS_VALUES.map((s) => `"${s}"`).join(' or ')}, not ${JSON.stringify(status)}`;
  }
  return () => controls.setStatus(region, status as RegionStatus);
}

function faultChange(body: unknown, controls: Controls, region: string): string | (() => void) {
  const fault = parseFault(body);
  if ('problem' in fault) return fault.problem;
  return () => controls.setFault(region, fault);
}

function json(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  // HEAD gets the same headers, Content-Length included; Node leaves out the body.
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}
