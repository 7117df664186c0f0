/** API Gateway facts the stack builds with and the tools (local run, policy) read the synthesized stack by. */

/** The host API Gateway serves a REST API's stages on, `<api id>.execute-api.<region>.amazonaws.com`. */
export function executeApiHost(restApiId: string, region: string): string {
  return `${restApiId}.execute-api.${region}.amazonaws.com`;
}

/** The API id and region of an execute-api host (the id may be a Terraform reference); undefined for any other name. */
export function parseExecuteApiHost(host: string): { readonly restApiId: string; readonly region: string } | undefined {
  const match = /^(.+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  return match ? { restApiId: match[1], region: match[2] } : undefined;
}

/** Every answer API Gateway makes itself: 4XX (403, 429 from stage throttling, 413, ...) and 5XX (502, 504, ...). */
export const GATEWAY_RESPONSE_TYPES = ['DEFAULT_4XX', 'DEFAULT_5XX'] as const;
export type GatewayResponseType = (typeof GATEWAY_RESPONSE_TYPES)[number];

/** The gateway response that answers `status` when no more specific one is set. */
export function gatewayResponseTypeOf(status: number): GatewayResponseType {
  return status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX';
}

/** A gateway response's `response_parameters` key for a header it adds: `gatewayresponse.header.<name>`. */
export const GATEWAY_RESPONSE_HEADER = 'gatewayresponse.header.';
/** A gateway response's parameter value that copies a request header: `method.request.header.<name>`. */
export const FROM_REQUEST_HEADER = 'method.request.header.';
