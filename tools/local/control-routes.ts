import { IncomingMessage, ServerResponse } from 'http';
import { LocalRunError } from './errors';
import { readBody } from './request-limits';

export const CONTROL_PREFIX = '/control/';
export const STATUS_VALUES = ['fail', 'ok'] as const;
export type RegionStatus = typeof STATUS_VALUES[number];

export interface RegionReport {
  readonly region: string;
  /** The health function's STATUS environment variable. */
  readonly status: string;
  /** What the region's Route 53 health check currently concludes. */
  readonly healthy: boolean;
  readonly lastCheck?: string;
}

export interface Controls {
  report(): { readonly answering?: string; readonly regions: readonly RegionReport[] };
  /** Sets STATUS on the region's health function; LocalRunError for an unknown region. */
  setStatus(region: string, status: RegionStatus): void;
}

/**
 * GET  /control/regions                    -> {"answering": region, "regions": [RegionReport...]}
 * POST /control/regions/<region>/status    {"status": "fail" | "ok"} -> the region's new RegionReport
 */
export async function handleControl(request: IncomingMessage, response: ServerResponse, controls: Controls): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'GET' && path === '/control/regions') return json(response, 200, controls.report());
  const flip = /^\/control\/regions\/([^/]+)\/status$/.exec(path);
  if (request.method !== 'POST' || !flip) {
    return json(response, 404, { message: 'control routes: GET /control/regions, POST /control/regions/<region>/status' });
  }
  const region = decodeURIComponent(flip[1]);
  const body = await readBody(request);
  let status: unknown;
  try {
    status = (JSON.parse(body) as { status?: unknown }).status;
  } catch {
    return json(response, 400, { message: 'body must be JSON like {"status":"fail"}' });
  }
  if (!STATUS_VALUES.includes(status as RegionStatus)) {
    return json(response, 400, { message: `status must be "fail" or "ok", not ${JSON.stringify(status)}` });
  }
  try {
    controls.setStatus(region, status as RegionStatus);
  } catch (error) {
    if (error instanceof LocalRunError) return json(response, 404, { message: error.message });
    throw error;
  }
  return json(response, 200, controls.report().regions.find((r) => r.region === region));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
