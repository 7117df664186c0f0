import { ApiGatewayDeployment } from '@cdktf/provider-aws/lib/api-gateway-deployment';
import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, Lazy, TerraformAsset, TerraformResource } from 'cdktf';
import { Construct } from 'constructs';
import { HEALTH_PATH, HELLO_PATH, STAGE_NAME } from '../contract';
import { ApiConfig, CorsConfig, HealthCheckConfig, LambdaConfig } from '../config/types';
import { ACCESS_LOG_FORMAT } from '../aws/access-log-format';
import { executeApiHost } from '../aws/api-gateway';
import { BundledFunction } from './bundled-function';
import { healthFunctionEnvironment, helloWorldEnvironment } from '../aws/function-environment';
import { MethodMetrics } from './error-rate-alarms';
import { GatewayResponses } from './gateway-responses';
import { LambdaRoute } from './lambda-route';

export interface RegionalApiProps {
  /** The AWS region code, e.g. `us-east-1`. */
  readonly region: string;
  /** The provider aliased to `region`; every resource here is bound to it. */
  readonly provider: AwsProvider;
  /** Prefix of every name (functions, roles, API). */
  readonly namePrefix: string;
  readonly helloWorldCode: TerraformAsset;
  readonly healthFunctionCode: TerraformAsset;
  /** Both functions' memory, timeout and log retention (the access log's retention too). */
  readonly lambda: LambdaConfig;
  /** The dependency URLs the health function probes, and their shared budget. */
  readonly healthCheck: HealthCheckConfig;
  /** The origins browsers may call from, on every route and preflight. */
  readonly cors: CorsConfig;
  /** Stage-wide throttling of every method. */
  readonly api: ApiConfig;
}

/** One region's API: the hello-world and health-check functions behind a REGIONAL REST API, stage `prod`. */
export class RegionalApi extends Construct {
  readonly region: string;
  readonly restApi: ApiGatewayRestApi;
  readonly stage: ApiGatewayStage;
  /** Where the stage writes one JSON line per request. */
  readonly accessLogGroup: CloudwatchLogGroup;
  readonly helloWorld: BundledFunction;
  /** The function behind GET /healthcheck, which the region's Route 53 health check probes. */
  readonly healthFunction: BundledFunction;
  /** `<api id>.execute-api.<region>.amazonaws.com`, the host Route 53 health-checks. */
  readonly executeApiHost: string;
  /**
   * Everything the stage serves (resources, methods, integrations and their responses, gateway responses, invoke
   * permissions). The deployment hashes these objects whole and depends on them: any change to one, or a value
   * only known after apply (a replaced function's ARN in an integration's uri), makes a new deployment that the
   * stage moves to in the same apply. Filled by `addServedParts` while the API is built, read at synth time.
   */
  private readonly servedParts: TerraformResource[] = [];

  private readonly provider: AwsProvider;
  private readonly throttling: ApiConfig;

  constructor(scope: Construct, id: string, props: RegionalApiProps) {
    super(scope, id);
    this.region = props.region;
    this.provider = props.provider;
    this.throttling = props.api;
    [this.helloWorld, this.healthFunction] = this.addFunctions(props);
    this.restApi = new ApiGatewayRestApi(this, 'rest-api', {
      provider: this.provider,
      name: props.namePrefix,
      description: `Multi-region API, ${props.region}`,
      endpointConfiguration: { types: ['REGIONAL'] },
    });
    this.addRoutes(props.cors.allowOrigins);
    const deployment = this.addDeployment();
    this.accessLogGroup = new CloudwatchLogGroup(this, 'access-log-group', {
      provider: this.provider,
      name: `/aws/apigateway/${props.namePrefix}/${STAGE_NAME}/access`,
      retentionInDays: props.lambda.logRetentionDays,
      // Renamed: the stage moves to the new group before the old one is deleted.
      lifecycle: { createBeforeDestroy: true },
    });
    // API Gateway refuses access-log settings until the region's account setting names a CloudWatch role: that
    // setting is the account's, made once (the `api-gateway-account` stack), never by an environment.
    this.stage = new ApiGatewayStage(this, 'stage', {
      provider: this.provider,
      restApiId: this.restApi.id,
      deploymentId: deployment.id,
      stageName: STAGE_NAME,
      xrayTracingEnabled: true,
      accessLogSettings: { destinationArn: this.accessLogGroup.arn, format: ACCESS_LOG_FORMAT },
    });
    new ApiGatewayMethodSettings(this, 'throttling', {
      provider: this.provider,
      restApiId: this.restApi.id,
      stageName: this.stage.stageName,
      methodPath: '*/*',
      settings: { throttlingRateLimit: this.throttling.throttlingRateLimit, throttlingBurstLimit: this.throttling.throttlingBurstLimit },
    });
    this.executeApiHost = executeApiHost(this.restApi.id, props.region);
  }

  /**
   * Turns on CloudWatch's per-method metrics for `GET /<pathPart>` on the stage (billed as custom metrics, so only
   * where an alarm reads them) and says where CloudWatch files them.
   */
  enableMethodMetrics(id: string, pathPart: string): MethodMetrics {
    new ApiGatewayMethodSettings(this, id, {
      provider: this.provider,
      restApiId: this.restApi.id,
      stageName: this.stage.stageName,
      methodPath: `${pathPart}/GET`,
      settings: {
        metricsEnabled: true,
        // A method's settings replace the stage-wide ones for that method: unset, its throttling would be off.
        throttlingRateLimit: this.throttling.throttlingRateLimit,
        throttlingBurstLimit: this.throttling.throttlingBurstLimit,
      },
    });
    return { apiName: this.restApi.name, stageName: this.stage.stageName, resourcePath: `/${pathPart}`, httpMethod: 'GET' };
  }

  /** Parts the stage serves (routes, gateway responses): hashed into every deployment. */
  private addServedParts(...parts: TerraformResource[]): void {
    this.servedParts.push(...parts);
  }

  private addFunctions(props: RegionalApiProps): [BundledFunction, BundledFunction] {
    const { region, namePrefix } = props;
    const { allowOrigins } = props.cors;
    const functionSettings = { provider: this.provider, lambda: props.lambda };
    const helloWorld = new BundledFunction(this, 'hello-world', {
      ...functionSettings,
      functionName: `${namePrefix}-hello-world`,
      roleName: `${namePrefix}-hello-world-${region}`,
      code: props.helloWorldCode,
      environment: helloWorldEnvironment(allowOrigins),
    });
    const healthFunction = new BundledFunction(this, 'health-check', {
      ...functionSettings,
      functionName: `${namePrefix}-health-check`,
      roleName: `${namePrefix}-health-check-${region}`,
      code: props.healthFunctionCode,
      environment: healthFunctionEnvironment(allowOrigins, props.healthCheck),
    });
    return [helloWorld, healthFunction];
  }

  private addRoutes(allowOrigins: readonly string[]): void {
    const { provider, restApi } = this;
    const routes = [
      new LambdaRoute(this, 'hello-world-route', {
        provider, restApi, pathPart: HELLO_PATH, handler: this.helloWorld.function, allowOrigins,
      }),
      new LambdaRoute(this, 'health-check-route', {
        provider, restApi, pathPart: HEALTH_PATH, handler: this.healthFunction.function, allowOrigins,
      }),
    ];
    const gatewayResponses = new GatewayResponses(this, 'gateway-responses', { provider, restApiId: restApi.id, allowOrigins });
    this.addServedParts(...routes.flatMap((route) => route.parts), ...gatewayResponses.responses);
  }

  private addDeployment(): ApiGatewayDeployment {
    const deployment = new ApiGatewayDeployment(this, 'deployment', {
      provider: this.provider,
      restApiId: this.restApi.id,
      triggers: {
        // Ids alone miss in-place updates (an integration's uri after a function is renamed keeps its id).
        served: Lazy.stringValue({ produce: () => Fn.sha1(Fn.jsonencode(this.servedParts.map((part) => part.fqn))) }),
      },
      lifecycle: { createBeforeDestroy: true },
    });
    deployment.addOverride('depends_on', Lazy.listValue({ produce: () => this.servedParts.map(addressOf) }));
    return deployment;
  }
}

/** `type.name`, as `depends_on` lists it. */
function addressOf(resource: TerraformResource): string {
  return `${resource.terraformResourceType}.${resource.friendlyUniqueId}`;
}
