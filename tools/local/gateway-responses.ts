import { IncomingHttpHeaders } from 'http';
import {
  FROM_REQUEST_HEADER, GATEWAY_RESPONSE_HEADER, GATEWAY_RESPONSE_TYPES, gatewayResponseTypeOf,
} from '../../src/aws/api-gateway';
import { GatewayResponseModel } from './model';
import { parseReference } from '../stack-model/references';
import { StackModel } from '../stack-model/stack-model';

/** The gateway responses of one REST API, by type; every response_parameters value must be one the runner can serve. */
export function readGatewayResponses(stack: StackModel, restApiId: string): Map<string, GatewayResponseModel> {
  const responses = new Map<string, GatewayResponseModel>();
  for (const { address: what, body } of stack.resources('aws_api_gateway_gateway_response')) {
    if (parseReference(body.rest_api_id)?.name !== restApiId) continue;
    const type = stack.literal(body.response_type, `${what}.response_type`);
    if (!(GATEWAY_RESPONSE_TYPES as readonly string[]).includes(type)) throw new Error(`${what}: response_type ${type} is not served locally`);
    const headers: Array<GatewayResponseModel['headers'][number]> = [];
    for (const [name, value] of Object.entries((body.response_parameters ?? {}) as Record<string, unknown>)) {
      const header = name.startsWith(GATEWAY_RESPONSE_HEADER) ? name.slice(GATEWAY_RESPONSE_HEADER.length) : undefined;
      const literal = /^'(.*)'$/.exec(String(value))?.[1];
      const fromRequest = String(value).startsWith(FROM_REQUEST_HEADER) ? String(value).slice(FROM_REQUEST_HEADER.length) : undefined;
      if (!header || (literal === undefined && !fromRequest)) {
        throw new Error(`${what}.response_parameters.${name}: only static values and request headers are served locally`);
      }
      headers.push(literal !== undefined ? { name: header, value: literal } : { name: header, fromRequestHeader: fromRequest! });
    }
    responses.set(type, { headers });
  }
  return responses;
}

/**
 * The headers API Gateway adds to its own answer of `status`: DEFAULT_4XX's for 4xx, DEFAULT_5XX's for 5xx. A header
 * mapped from a request header that the request lacks is left out, as API Gateway does.
 */
export function gatewayResponseHeaders(
  responses: ReadonlyMap<string, GatewayResponseModel>, status: number, request: IncomingHttpHeaders,
): Record<string, string> {
  const response = responses.get(gatewayResponseTypeOf(status));
  const headers: Record<string, string> = {};
  for (const header of response?.headers ?? []) {
    const value = header.value ?? request[header.fromRequestHeader!.toLowerCase()];
    if (typeof value === 'string') headers[header.name] = value;
  }
  return headers;
}
