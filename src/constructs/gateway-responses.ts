import { ApiGatewayGatewayResponse } from '@cdktf/provider-aws/lib/api-gateway-gateway-response';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { FROM_REQUEST_HEADER, GATEWAY_RESPONSE_HEADER, GATEWAY_RESPONSE_TYPES } from '../aws/api-gateway';

export interface GatewayResponsesProps {
  readonly provider: AwsProvider;
  readonly restApiId: string;
  /** The origins the routes answer, as in CorsPreflight and the functions' ALLOWED_ORIGINS. */
  readonly allowOrigins: readonly string[];
}

/**
 * The CORS headers of API Gateway's own answers, as response_parameters. One origin (or `*`) is a static header.
 * Several: gateway responses run no VTL, so the header cannot be chosen from a list; it echoes the request's Origin,
 * with `Vary: Origin`. These answers carry only API Gateway's generic message and never credentials.
 */
export function gatewayResponseHeaders(allowOrigins: readonly string[]): Record<string, string> {
  if (allowOrigins.length === 1) return { [`${GATEWAY_RESPONSE_HEADER}Access-Control-Allow-Origin`]: `'${allowOrigins[0]}'` };
  return {
    [`${GATEWAY_RESPONSE_HEADER}Access-Control-Allow-Origin`]: `${FROM_REQUEST_HEADER}Origin`,
    [`${GATEWAY_RESPONSE_HEADER}Vary`]: "'Origin'",
  };
}

/**
 * CORS headers on API Gateway's own 4XX and 5XX answers, so a browser sees the status (throttling 429, a failed
 * function's 502) instead of a CORS error. Status codes stay API Gateway's. A stage serves these only after a new
 * deployment: RegionalApi adds `responses` to its served parts, which the deployment depends on and hashes whole.
 */
export class GatewayResponses extends Construct {
  readonly responses: readonly ApiGatewayGatewayResponse[];

  constructor(scope: Construct, id: string, props: GatewayResponsesProps) {
    super(scope, id);
    const responseParameters = gatewayResponseHeaders(props.allowOrigins);
    this.responses = GATEWAY_RESPONSE_TYPES.map((responseType) => new ApiGatewayGatewayResponse(this, responseType.toLowerCase(), {
      provider: props.provider,
      restApiId: props.restApiId,
      responseType,
      responseParameters,
    }));
  }
}
