import { IncomingMessage, ServerResponse } from 'http';
import { LocalRunError } from './errors';
import { FAULTS, RegionFault } from './regional-server';
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
  /** The fault set on the region's front door: `none`, or `unmapped` (no base path mappings). */
  readonly fault: RegionFault;
}

export interface Controls {
  report(): { readonly answering?: string; readonly regions: readonly RegionReport[] };
  /** Sets STATUS on the region's health function; LocalRunError for an unknown region. */
  setStatus(region: string, status: RegionStatus): void;
  /** Sets a fault on the region's custom domains; LocalRunError for an unknown region. */
  setFault(region: string, fault: RegionFault): void;
}

/**
 * GET  /control/regions                    -> {"answering": region, "regions": [RegionReport...]}
 * POST /control/regions/<region>/status    {"status": "fail" | "ok"} -> the region's new RegionReport
 * POST /control/regions/<region>/fault     {"fault": "unmapped" | "none"} -> the region's new RegionReport
 */
export async function handleControl(request: IncomingMessage, response: ServerResponse, controls: Controls): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  if (request.method === 'GET' && path === '/control/regions') return json(response, 200, controls.report());
  const flip = /^\/control\/regions\/([^/]+)\/(status|fault)$/.exec(path);
  if (request.method !== 'POST' || !flip) {
    return json(response, 404, {
      message: 'control routes: GET /control/regions, POST /control/regions/<region>/status, POST /control/regions/<region>/fault',
    });
  }
  const region = decodeURIComponent(flip[1]);
  const setting = flip[2] === 'status'
    ? { field: 'status', allowed: STATUS_VALUES as readonly string[], example: '{"status":"fail"}' }
    : { field: 'fault', allowed: FAULTS as readonly string[], example: '{"fault":"unmapped"}' };
  const body = await readBody(request);
  let value: unknown;
  try {
    value = (JSON.parse(body) as Record<string, unknown>)[setting.field];
  } catch {
    return json(response, 400, { message: `body must be JSON like ${setting.example}` });
  }
  if (!setting.allowed.includes(value as string)) {
    const allowed = setting.allowed.map((a) => `"${a}"`).join(' or ');
    return json(response, 400, { message: `${setting.field} must be ${allowed}, not ${JSON.stringify(value)}` });
  }
  try {
    if (setting.field === 'status') controls.setStatus(region, value as RegionStatus);
    else controls.setFault(region, value as RegionFault);
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
