import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';

/**
 * CORS headers for one response. `allowedOrigins` comes from the ALLOWED_ORIGINS setting: `*`, or a
 * comma-separated list of origins, of which the request's own is echoed back when listed.
 */
export function corsHeaders(allowedOrigins: string, requestOrigin: string | undefined): Record<string, string> {
  const allowed = allowedOrigins.split(',').map((origin) => origin.trim()).filter(Boolean);
  if (allowed.includes('*')) return { 'Access-Control-Allow-Origin': '*' };
  if (requestOrigin && allowed.includes(requestOrigin)) {
    return { 'Access-Control-Allow-Origin': requestOrigin, Vary: 'Origin' };
  }
  return { Vary: 'Origin' };
}

export function requestOrigin(event: Pick<APIGatewayProxyEvent, 'headers'>): string | undefined {
  const headers = event.headers ?? {};
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'origin');
  return key ? headers[key] : undefined;
}

export function jsonResponse(
  statusCode: number, body: unknown, event: Pick<APIGatewayProxyEvent, 'headers'>, allowedOrigins = '*',
): APIGatewayProxyResult {
  return {
    statusCode,
    headers: {
      'Content-Type': 'application/json',
      'Cache-Control': 'no-store',
      ...corsHeaders(allowedOrigins, requestOrigin(event)),
    },
    body: JSON.stringify(body),
  };
}
