import { join } from 'path';
import { readGatewayResponses } from './gateway-responses';
import { echoedOrigins } from './mock-template';
import { BasePathModel, FunctionModel, IntegrationModel, RegionApiModel, RouteModel } from './model';
import { block, parseReference } from '../stack-model/references';
import { StackModel, StackResource } from '../stack-model/stack-model';

const LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;

/** One RegionApiModel per aws_api_gateway_rest_api, keyed by the region of the provider it is bound to. */
export function readApis(stack: StackModel, stackDir: string): Map<string, RegionApiModel> {
  const apis = new Map<string, RegionApiModel>();
  for (const restApi of stack.resources('aws_api_gateway_rest_api')) {
    const region = stack.requireRegion(restApi);
    if (apis.has(region)) {
      throw new Error(`region ${region} has two REST APIs (${apis.get(region)!.restApiId}, ${restApi.name}); the local runner serves one per region`);
    }
    apis.set(region, readApi(stack, stackDir, region, restApi.name));
  }
  return apis;
}

function readApi(stack: StackModel, stackDir: string, region: string, restApiId: string): RegionApiModel {
  const ofThisApi = (type: string, field = 'rest_api_id') => stack.resources(type)
    .filter((r) => parseReference(r.body[field])?.name === restApiId);

  const functions = new Map<string, FunctionModel>();
  const routes: RouteModel[] = [];
  for (const resource of ofThisApi('aws_api_gateway_resource')) {
    const methods = new Map<string, IntegrationModel>();
    for (const { address: what, body: integration } of ofThisApi('aws_api_gateway_integration')
      .filter((i) => parseReference(i.body.resource_id)?.name === resource.name)) {
      const method = stack.literal(integration.http_method, `${what}.http_method`);
      if (integration.type === 'AWS_PROXY') {
        const fn = stack.referenced(integration.uri, 'aws_lambda_function', `${what}.uri`);
        functions.set(fn.name, readFunction(stack, stackDir, fn));
        methods.set(method, { type: 'AWS_PROXY', functionId: fn.name });
      } else if (integration.type === 'MOCK') {
        methods.set(method, readMock(stack, restApiId, resource.name, method, what));
      } else {
        throw new Error(`${what}: integration type ${String(integration.type)} is not supported locally`);
      }
    }
    routes.push({ path: resourcePath(stack, resource), methods });
  }

  const stageNames = ofThisApi('aws_api_gateway_stage').map((s) => stack.literal(s.body.stage_name, `${s.address}.stage_name`));
  const basePaths: BasePathModel[] = ofThisApi('aws_api_gateway_base_path_mapping', 'api_id').map(({ address: what, body: mapping }) => ({
    domainName: stack.literal(mapping.domain_name, `${what}.domain_name`),
    basePath: mapping.base_path === undefined ? '' : stack.literal(mapping.base_path, `${what}.base_path`),
    stageName: stack.literal(mapping.stage_name, `${what}.stage_name`),
  }));
  return { region, restApiId, stageNames, routes, functions, basePaths, gatewayResponses: readGatewayResponses(stack, restApiId) };
}

function resourcePath(stack: StackModel, resource: StackResource): string {
  const parent = parseReference(resource.body.parent_id);
  const own = `/${String(resource.body.path_part)}`;
  if (parent?.type === 'aws_api_gateway_resource') {
    return resourcePath(stack, stack.resource(parent.type, parent.name)!) + own;
  }
  return own;
}

function readFunction(stack: StackModel, stackDir: string, { name: id, address: what, body: fn }: StackResource): FunctionModel {
  const variables = block(fn.environment)?.variables as Record<string, unknown> | undefined;
  return {
    id,
    functionName: stack.literal(fn.function_name, `${what}.function_name`),
    archivePath: join(stackDir, stack.literal(fn.filename, `${what}.filename`)),
    handler: stack.literal(fn.handler, `${what}.handler`),
    timeoutSeconds: fn.timeout === undefined ? LAMBDA_DEFAULT_TIMEOUT_SECONDS : Number(fn.timeout),
    environment: Object.fromEntries(Object.entries(variables ?? {}).map(([name, value]) =>
      [name, stack.literal(value, `${what}.environment.variables.${name}`)])),
  };
}

function readMock(stack: StackModel, restApiId: string, resourceId: string, method: string, what: string): IntegrationModel {
  const response = stack.resources('aws_api_gateway_integration_response').find(({ body: r }) =>
    parseReference(r.rest_api_id)?.name === restApiId && parseReference(r.resource_id)?.name === resourceId
    && stack.literal(r.http_method, 'http_method') === method);
  if (!response) throw new Error(`${what}: MOCK integration has no aws_api_gateway_integration_response`);
  const { address: where, body } = response;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries((body.response_parameters ?? {}) as Record<string, unknown>)) {
    const header = /^method\.response\.header\.(.+)$/.exec(name);
    const literal = /^'(.*)'$/.exec(String(value));
    if (!header || !literal) throw new Error(`${where}.response_parameters.${name}: only static header values are supported locally`);
    headers[header[1]] = literal[1];
  }
  const template = (body.response_templates as Record<string, string> | undefined)?.['application/json'];
  return {
    type: 'MOCK',
    statusCode: Number(stack.literal(body.status_code, `${where}.status_code`)),
    headers,
    echoOrigins: template ? echoedOrigins(template, where) : [],
  };
}
