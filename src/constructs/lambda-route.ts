import { ApiGatewayIntegration } from '@cdktf/provider-aws/lib/api-gateway-integration';
import { ApiGatewayMethod } from '@cdktf/provider-aws/lib/api-gateway-method';
import { ApiGatewayResource } from '@cdktf/provider-aws/lib/api-gateway-resource';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { CorsPreflight } from './cors-preflight';


export interface LambdaRouteProps {
  readonly provider: AwsProvider;
  readonly restApi: ApiGatewayRestApi;
  /** One path segment under the API root, e.g. `helloworld`. */
  readonly pathPart: string;
  readonly handler: LambdaFunction;
  readonly allowOrigins: readonly string[];
}

/** `/<pathPart>`: GET proxied to a Lambda (invocable only from this API and route), and its CORS preflight. */
export class LambdaRoute extends Construct {
  readonly resource: ApiGatewayResource;
  /** Everything the stage serves for this route: a deployment is made again when any of it changes. */
  readonly parts: readonly TerraformResource[];

  constructor(scope: Construct, id: string, props: LambdaRouteProps) {
    super(scope, id);
    const { provider, restApi } = props;

    this.resource = new ApiGatewayResource(this, 'resource', {
      provider, restApiId: restApi.id, parentId: restApi.rootResourceId, pathPart: props.pathPart,
    });
    const method = new ApiGatewayMethod(this, 'get', {
      provider, restApiId: restApi.id, resourceId: this.resource.id, httpMethod: 'GET', authorization: 'NONE',
    });
    const integration = new ApiGatewayIntegration(this, 'get-integration', {
      provider, restApiId: restApi.id, resourceId: this.resource.id,
      httpMethod: method.httpMethod,
      type: 'AWS_PROXY',
      integrationHttpMethod: 'POST',
      uri: props.handler.invokeArn,
    });
    const permission = new LambdaPermission(this, 'invoke-permission', {
      provider,
      statementId: 'AllowInvokeFromApiGateway',
      action: 'lambda:InvokeFunction',
      functionName: props.handler.functionName,
      principal: 'apigateway.amazonaws.com',
      sourceArn: `${restApi.executionArn}/*/GET/${props.pathPart}`,
      // A renamed function gets its permission before the old one's goes: the stage invokes the old function
      // until the new deployment reaches it.
      lifecycle: { createBeforeDestroy: true },
    });
    const preflight = new CorsPreflight(this, 'cors', {
      provider, restApiId: restApi.id, resourceId: this.resource.id, allowOrigins: props.allowOrigins,
    });
    this.parts = [this.resource, method, integration, permission, ...preflight.parts];
  }
}
