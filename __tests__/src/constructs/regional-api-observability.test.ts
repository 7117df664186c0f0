import { partitionOf } from '../../../src/constructs/api-gateway-cloudwatch-role';
import { testConfig } from '../../helpers/config';
import { inRegion, resourcesOf, synthApiStack } from '../../helpers/synth';

const REGIONS = ['us-east-1', 'us-west-2'];

describe('RegionalApi observability', () => {
  const { stack } = synthApiStack(testConfig({ api: { throttlingRateLimit: 250, throttlingBurstLimit: 125 }, lambda: { logRetentionDays: 30 } }));
  const idOf = (type: string, region: string, suffix: string) => resourcesOf(stack, type)
    .find(([id, r]) => r.provider === `aws.${region}` && id.includes(suffix))![0];

  test.each(REGIONS)('%s: the stage writes JSON access logs to its own region\'s log group, with retention', (region) => {
    const [stage] = inRegion(stack, 'aws_api_gateway_stage', region);
    const group = idOf('aws_cloudwatch_log_group', region, '_access-log-group_');
    const settings = stage.access_log_settings as { destination_arn: string; format: string };
    expect(settings.destination_arn).toBe(`\${aws_cloudwatch_log_group.${group}.arn}`);
    expect(JSON.parse(settings.format)).toMatchObject({ requestId: '$context.requestId', status: '$context.status', xrayTraceId: '$context.xrayTraceId' });
    expect(stack.resource.aws_cloudwatch_log_group[group]).toMatchObject({ name: '/aws/apigateway/multi-region-api/prod/access', retention_in_days: 30 });
  });

  test.each(REGIONS)('%s: the account setting names a role API Gateway may assume; the stage waits for it', (region) => {
    const account = idOf('aws_api_gateway_account', region, '_account_');
    const role = idOf('aws_iam_role', region, '_api-gateway-logging_role_');
    expect(stack.resource.aws_api_gateway_account[account].cloudwatch_role_arn).toBe(`\${aws_iam_role.${role}.arn}`);
    expect(JSON.parse(stack.resource.aws_iam_role[role].assume_role_policy as string).Statement[0].Principal).toEqual({ Service: 'apigateway.amazonaws.com' });
    expect(stack.resource.aws_iam_role[role].name).toBe(`multi-region-api-apigw-logs-${region}`);
    const [stage] = inRegion(stack, 'aws_api_gateway_stage', region);
    expect(stage.depends_on).toEqual([`aws_api_gateway_account.${account}`]);
    const policy = JSON.parse(stack.resource.aws_iam_role_policy[idOf('aws_iam_role_policy', region, '_api-gateway-logging_write-logs_')].policy as string);
    expect(policy.Statement[0].Resource).toEqual([`arn:aws:logs:${region}:*:log-group:*`, `arn:aws:logs:${region}:*:log-group:*:log-stream:*`]);
  });

  test.each(REGIONS)('%s: X-Ray tracing on the stage; throttling from config on every method', (region) => {
    const [stage] = inRegion(stack, 'aws_api_gateway_stage', region);
    expect(stage.xray_tracing_enabled).toBe(true);
    const stageId = idOf('aws_api_gateway_stage', region, '_stage_');
    const [settings] = inRegion(stack, 'aws_api_gateway_method_settings', region);
    expect(settings).toMatchObject({
      stage_name: `\${aws_api_gateway_stage.${stageId}.stage_name}`,
      method_path: '*/*',
      settings: { throttling_rate_limit: 250, throttling_burst_limit: 125 },
    });
  });

  test('every function traces actively, created only after its role may write traces', () => {
    for (const [id, fn] of resourcesOf(stack, 'aws_lambda_function')) {
      expect(fn.tracing_config).toEqual({ mode: 'Active' });
      const owner = id.replace(/_function_[^_]+$/, '');
      const [[traceId, trace]] = resourcesOf(stack, 'aws_iam_role_policy').filter(([policyId]) => policyId.startsWith(`${owner}_write-traces_`));
      expect(fn.depends_on).toContain(`aws_iam_role_policy.${traceId}`);
      expect(JSON.parse(trace.policy as string).Statement).toEqual([{
        Sid: 'XRayWritesHaveNoResourceLevelPermissions', Effect: 'Allow',
        Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*',
      }]);
    }
  });

  test('default throttling comes from the config defaults', () => {
    const [settings] = resourcesOf(synthApiStack().stack, 'aws_api_gateway_method_settings').map(([, s]) => s);
    expect(settings.settings).toEqual({ throttling_rate_limit: 100, throttling_burst_limit: 50 });
  });

  test('log ARNs use the region\'s partition', () => {
    expect([partitionOf('eu-west-1'), partitionOf('cn-north-1'), partitionOf('us-gov-west-1')]).toEqual(['aws', 'aws-cn', 'aws-us-gov']);
  });
});
