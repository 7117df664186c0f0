import 'cdktf/lib/testing/adapters/jest';
import { ApiGatewayRestApi } from '@cdktf/provider-aws/lib/api-gateway-rest-api';
import { ApiGatewayStage } from '@cdktf/provider-aws/lib/api-gateway-stage';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { FIVE_REGIONS, testConfig } from '../../helpers/config';
import { addSets, ERROR_RATE_EVICTION_SET, REGIONAL_API_SET } from '../../helpers/regional-set';

const API_SET = addSets(REGIONAL_API_SET, { aws_api_gateway_method_settings: ERROR_RATE_EVICTION_SET.aws_api_gateway_method_settings });
import { inRegion, resourcesOf, synthApiStack } from '../../helpers/synth';

describe('multi-region-api stack, example regions', () => {
  const { json, stack } = synthApiStack();
  const regions = ['us-east-1', 'us-west-2'];

  test('one aliased provider per region, with default tags, and the us-east-1 monitoring provider', () => {
    expect(json).toHaveProviderWithProperties(AwsProvider, { region: 'us-east-1', alias: 'us-east-1' });
    expect(json).toHaveProviderWithProperties(AwsProvider, { region: 'us-west-2', alias: 'us-west-2' });
    expect(json).toHaveProviderWithProperties(AwsProvider, { region: 'us-east-1', alias: 'us-east-1-monitoring' });
    expect(stack.provider.aws).toHaveLength(3);
    stack.provider.aws.forEach((provider) => expect(provider.alias).toBeDefined());
  });

  test('every resource is bound to an aliased provider', () => {
    for (const [type, byId] of Object.entries(stack.resource)) {
      for (const [id, resource] of Object.entries(byId)) {
        expect({ type, id, provider: resource.provider }).toEqual({ type, id, provider: expect.stringMatching(/^aws\./) });
      }
    }
  });

  test.each(regions)('%s gets the full regional set on its own provider', (region) => {
    for (const [type, count] of Object.entries(API_SET)) {
      expect({ type, count: inRegion(stack, type, region).length }).toEqual({ type, count });
    }
  });

  test.each(regions)('%s: REGIONAL REST API, stage prod, GET proxy and OPTIONS on both paths', (region) => {
    const [api] = inRegion(stack, 'aws_api_gateway_rest_api', region);
    expect(api.endpoint_configuration).toEqual({ types: ['REGIONAL'] });
    expect(inRegion(stack, 'aws_api_gateway_stage', region)[0].stage_name).toBe('prod');
    expect(inRegion(stack, 'aws_api_gateway_resource', region).map((r) => r.path_part).sort()).toEqual(['healthcheck', 'helloworld']);
    const methods = inRegion(stack, 'aws_api_gateway_method', region).map((m) => m.http_method).sort();
    expect(methods).toEqual(['GET', 'GET', 'OPTIONS', 'OPTIONS']);
    const integrations = inRegion(stack, 'aws_api_gateway_integration', region).map((i) => i.type).sort();
    expect(integrations).toEqual(['AWS_PROXY', 'AWS_PROXY', 'MOCK', 'MOCK']);
  });

  test.each(regions)('%s: Lambda permissions are scoped to this region\'s API and route', (region) => {
    const permissions = inRegion(stack, 'aws_lambda_permission', region);
    const [[apiId]] = resourcesOf(stack, 'aws_api_gateway_rest_api').filter(([, r]) => r.provider === `aws.${region}`);
    expect(permissions.map((p) => p.source_arn).sort()).toEqual([
      `\${aws_api_gateway_rest_api.${apiId}.execution_arn}/*/GET/healthcheck`,
      `\${aws_api_gateway_rest_api.${apiId}.execution_arn}/*/GET/helloworld`,
    ]);
    permissions.forEach((p) => expect(p.principal).toBe('apigateway.amazonaws.com'));
  });

  test('functions: Node 22 on arm64, hashed archive, log group with retention', () => {
    expect(json).toHaveResourceWithProperties(LambdaFunction, {
      runtime: 'nodejs22.x', architectures: ['arm64'], handler: 'index.handler',
    });
    for (const [, fn] of resourcesOf(stack, 'aws_lambda_function')) {
      expect(fn.source_code_hash).toMatch(/^\$\{filebase64sha256\("assets\/.+\/archive\.zip"\)\}$/);
    }
    for (const [, group] of resourcesOf(stack, 'aws_cloudwatch_log_group')) expect(group.retention_in_days).toBe(14);
    expect(json).toHaveResourceWithProperties(ApiGatewayRestApi, { endpoint_configuration: { types: ['REGIONAL'] } });
    expect(json).toHaveResourceWithProperties(ApiGatewayStage, { stage_name: 'prod' });
  });

  test('each role may only write to its own function\'s log group', () => {
    const ownLogs = resourcesOf(stack, 'aws_iam_role_policy').filter(([id]) => id.includes('_write-own-logs_'));
    expect(ownLogs).toHaveLength(4);
    for (const [id, policy] of ownLogs) {
      const owner = id.replace(/_write-own-logs_.*$/, '');
      const document = JSON.parse(policy.policy as string);
      expect(document.Statement).toEqual([{
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: expect.stringMatching(new RegExp(`^\\$\\{aws_cloudwatch_log_group\\.${owner}_log-group_[^.]+\\.arn\\}:\\*$`)),
      }]);
    }
  });

  test('deployments redeploy on change and are replaced before they are destroyed', () => {
    for (const [, deployment] of resourcesOf(stack, 'aws_api_gateway_deployment')) {
      expect(deployment.lifecycle).toEqual({ create_before_destroy: true });
      expect(deployment.triggers).toEqual({ served: expect.stringMatching(/^\$\{sha1\(jsonencode\(\[aws_api_gateway_resource\./) });
    }
  });

  test('the health function carries the STATUS switch and dependency settings', () => {
    const health = resourcesOf(stack, 'aws_lambda_function').map(([, f]) => f).filter((f) => f.function_name === 'multi-region-api-health-check');
    expect(health).toHaveLength(2);
    health.forEach((fn) => expect(fn.environment).toEqual({
      variables: { ALLOWED_ORIGINS: '*', STATUS: 'ok', DEPENDENCY_URLS: '[]', DEPENDENCY_TIMEOUT_MS: '1500' },
    }));
  });
});

describe('multi-region-api stack, configured settings', () => {
  test('several CORS origins: preflight matches the request origin', () => {
    const { stack } = synthApiStack(testConfig({ cors: { allowOrigins: ['https://a.example.com', 'https://b.example.com'] } }));
    for (const [, response] of resourcesOf(stack, 'aws_api_gateway_integration_response')) {
      expect((response.response_templates as Record<string, string>)['application/json']).toContain('"https://a.example.com", "https://b.example.com"');
    }
  });

  test('each deployment hashes and depends on every object its stage serves (CORS responses and permissions too)', () => {
    const served = ['aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_integration', 'aws_api_gateway_method_response',
      'aws_api_gateway_integration_response', 'aws_api_gateway_gateway_response', 'aws_lambda_permission'];
    const { stack } = synthApiStack(testConfig());
    for (const region of ['us-east-1', 'us-west-2']) {
      const [deployment] = inRegion(stack, 'aws_api_gateway_deployment', region);
      const addresses = served.flatMap((type) => resourcesOf(stack, type)
        .filter(([, r]) => r.provider === `aws.${region}`).map(([id]) => `${type}.${id}`));
      expect(addresses).toHaveLength(18);
      expect([...(deployment.depends_on as string[])].sort()).toEqual([...addresses].sort());
      for (const address of addresses) expect((deployment.triggers as { served: string }).served).toContain(address);
    }
  });

  test('five regions synthesize five regional sets, each on its own provider', () => {
    const { stack } = synthApiStack(testConfig({ regions: FIVE_REGIONS }));
    expect(stack.provider.aws.map((p) => p.alias)).toEqual([...FIVE_REGIONS, 'us-east-1-monitoring']);
    for (const region of FIVE_REGIONS) {
      for (const [type, count] of Object.entries(API_SET)) {
        expect({ region, type, count: inRegion(stack, type, region).length }).toEqual({ region, type, count });
      }
    }
    expect(resourcesOf(stack, 'aws_api_gateway_rest_api')).toHaveLength(5);
  });

  test('IAM role names differ per region (IAM is global); function names are the same everywhere', () => {
    const { stack } = synthApiStack(testConfig({ regions: FIVE_REGIONS, namePrefix: 'shop' }));
    const roles = resourcesOf(stack, 'aws_iam_role').map(([, r]) => r.name as string);
    expect(new Set(roles).size).toBe(10);
    roles.forEach((name) => expect(name.length).toBeLessThanOrEqual(64));
    expect(new Set(resourcesOf(stack, 'aws_lambda_function').map(([, f]) => f.function_name))).toEqual(new Set(['shop-hello-world', 'shop-health-check']));
  });
});
