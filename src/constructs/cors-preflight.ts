import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayIntegrationResponse } from '@cdktf/provider-aws/lib/api-gateway-integration-response';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayMethodResponse } from '@cdktf/provider-aws/lib/api-gateway-method-response';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { originMatchTemplate } from '../aws/cors-origin-template';

export const CORS_ALLOW_HEADERS = 'Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token';

export interface CorsPreflightProps {
  readonly provider: AwsProvider;
  readonly restApiId: string;
  readonly resourceId: string;
  /** `['*']`, or the origins whose preflight is answered (the request's Origin is echoed when listed). */
  readonly allowOrigins: readonly string[];
  /** @default 'GET,OPTIONS' */
  readonly allowMethods?: string;
}

/**
 * OPTIONS answered by API Gateway itself (a MOCK integration), so preflights never invoke a Lambda. One origin (or `*`)
 * is a static header; several are matched against the request's Origin by the integration response template.
 */
export class CorsPreflight extends Construct {
  readonly method: ApiGatewayMethod;
  readonly integration: ApiGatewayIntegration;
  /** The method and integration responses, which a deployment must follow too (the template is edited in place). */
  readonly responses: readonly [ApiGatewayMethodResponse, ApiGatewayIntegrationResponse];
  /** The method, integration and both responses: what a deployment snapshots of the preflight. */
  readonly parts: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: CorsPreflightProps) {
    super(scope, id);
    const { provider, restApiId, resourceId } = props;
    const single = props.allowOrigins.length === 1 ? props.allowOrigins[0] : undefined;

    this.method = new ApiGatewayMethod(this, 'method', {
      provider, restApiId, resourceId, httpMethod: 'OPTIONS', authorization: 'NONE',
    });
    this.integration = new ApiGatewayIntegration(this, 'integration', {
      provider, restApiId, resourceId,
      httpMethod: this.method.httpMethod,
      type: 'MOCK',
      requestTemplates: { 'application/json': '{"statusCode": 200}' },
    });
    const response = new ApiGatewayMethodResponse(this, 'method-response', {
      provider, restApiId, resourceId,
      httpMethod: this.method.httpMethod,
      statusCode: '200',
      responseParameters: {
        'method.response.header.Access-Control-Allow-Headers': true,
        'method.response.header.Access-Control-Allow-Methods': true,
        'method.response.header.Access-Control-Allow-Origin': true,
      },
    });
    const integrationResponse = new ApiGatewayIntegrationResponse(this, 'integration-response', {
      provider, restApiId, resourceId,
      httpMethod: this.method.httpMethod,
      statusCode: response.statusCode,
      responseParameters: {
        'method.response.header.Access-Control-Allow-Headers': `'${CORS_ALLOW_HEADERS}'`,
        'method.response.header.Access-Control-Allow-Methods': `'${props.allowMethods ?? 'GET,OPTIONS'}'`,
        // Several origins: the template sets the header for a listed Origin; an unlisted one gets none (not "null").
        ...(single ? { 'method.response.header.Access-Control-Allow-Origin': `'${single}'` } : {}),
      },
      responseTemplates: single ? undefined : { 'application/json': originMatchTemplate(props.allowOrigins) },
      dependsOn: [this.integration],
    });
    this.responses = [response, integrationResponse];
    this.parts = [this.method, this.integration, response, integrationResponse];
  }
}
