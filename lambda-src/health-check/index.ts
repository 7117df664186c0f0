import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { refuseDependencyUrl } from '../shared/dependency-url';
import { jsonResponse } from '../shared/http';
import { DependencyFailure, Probe, fetchProbe, probeDependencies } from './dependencies';

/**
 * Route 53 HTTPS_STR_MATCH looks for this string; only a healthy body may contain it. These two copy src/contract.ts
 * (a test holds them equal): importing it would change the bundle's bytes and so every deployed function.
 */
export const SEARCH_STRING = 'ok';
const DEFAULT_BUDGET_MS = 1500;

export interface HealthSettings {
  /** The blog's switch: `fail` (any case) makes the region unhealthy. */
  readonly status?: string;
  readonly dependencyUrls: readonly string[];
  readonly budgetMs: number;
  /** Names the request reached this API by: a dependency on one of them is the function calling itself. */
  readonly ownHosts?: readonly string[];
}

export type HealthVerdict =
  | { readonly healthy: true }
  | { readonly healthy: false; readonly switchedOff: boolean; readonly failures: readonly DependencyFailure[] };

export function settingsFromEnv(env: NodeJS.ProcessEnv): HealthSettings {
  const urls: unknown = env.DEPENDENCY_URLS ? JSON.parse(env.DEPENDENCY_URLS) : [];
  const budgetMs = Number(env.DEPENDENCY_TIMEOUT_MS);
  return {
    status: env.STATUS,
    dependencyUrls: Array.isArray(urls) ? urls.map(String) : [],
    budgetMs: Number.isFinite(budgetMs) && budgetMs > 0 ? budgetMs : DEFAULT_BUDGET_MS,
  };
}

/**
 * A URL the config check would refuse (someone edited DEPENDENCY_URLS) is never probed: it fails as `refused`, and
 * `log` says which entry and why (never the URL itself: it may hold a secret).
 */
export async function checkHealth(
  settings: HealthSettings, probe: Probe = fetchProbe, log: (line: string) => void = console.error,
): Promise<HealthVerdict> {
  if (settings.status?.trim().toLowerCase() === 'fail') return { healthy: false, switchedOff: true, failures: [] };
  const refused = new Set<string>();
  settings.dependencyUrls.forEach((url, index) => {
    const refusal = refuseDependencyUrl(url, settings.ownHosts);
    if (refusal === undefined) return;
    refused.add(url);
    log(`health-check: DEPENDENCY_URLS[${index}] ${refusal.problem}: not probed, the region answers unhealthy`);
  });
  const guarded: Probe = (url, signal) => (refused.has(url) ? Promise.resolve('refused') : probe(url, signal));
  const failures = await probeDependencies(settings.dependencyUrls, settings.budgetMs, guarded);
  return failures.length === 0 ? { healthy: true } : { healthy: false, switchedOff: false, failures };
}

/** 200 {"status":"ok"} when healthy; otherwise 503 with a body that never contains the search string. */
export function healthBody(verdict: HealthVerdict): { statusCode: number; body: object } {
  if (verdict.healthy) return { statusCode: 200, body: { status: SEARCH_STRING } };
  const body = {
    status: 'unhealthy',
    reason: verdict.switchedOff ? 'STATUS=fail' : 'dependency check failed',
    failedDependencies: verdict.failures,
  };
  const safe = JSON.stringify(body).toLowerCase().includes(SEARCH_STRING) ? { status: 'unhealthy' } : body;
  return { statusCode: 503, body: safe };
}

/** GET /healthcheck, the target of this region's Route 53 health check. */
export async function handler(event: APIGatewayProxyEvent): Promise<APIGatewayProxyResult> {
  const ownHost = event.requestContext?.domainName;
  const settings = { ...settingsFromEnv(process.env), ownHosts: ownHost ? [ownHost] : [] };
  const { statusCode, body } = healthBody(await checkHealth(settings));
  return jsonResponse(statusCode, body, event, process.env.ALLOWED_ORIGINS);
}
