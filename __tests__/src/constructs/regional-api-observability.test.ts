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

  test('the account-wide API Gateway setting and its role are not this stack\'s: forgotten, never destroyed', () => {
    expect(stack.resource.aws_api_gateway_account).toBeUndefined();
    for (const region of REGIONS) expect(inRegion(stack, 'aws_api_gateway_stage', region)[0].depends_on).toBeUndefined();
    const removed = (stack as unknown as { removed: Array<{ from: string; lifecycle: unknown }> }).removed;
    expect(removed.map((r) => [r.from.replace(/_[0-9A-F]{8}$/, ''), r.lifecycle])).toEqual(REGIONS.flatMap((region) => [
      [`aws_api_gateway_account.region-${region}_api-gateway-logging_account`, { destroy: false }],
      [`aws_iam_role_policy.region-${region}_api-gateway-logging_write-logs`, { destroy: false }],
      [`aws_iam_role.region-${region}_api-gateway-logging_role`, { destroy: false }],
    ]));
  });

  test.each(REGIONS)('%s: X-Ray tracing on the stage; throttling from config on every method', (region) => {
    const [stage] = inRegion(stack, 'aws_api_gateway_stage', region);
    expect(stage.xray_tracing_enabled).toBe(true);
    const stageId = idOf('aws_api_gateway_stage', region, '_stage_');
    const settings = inRegion(stack, 'aws_api_gateway_method_settings', region);
    expect(settings.map((s) => s.method_path).sort()).toEqual(['*/*', 'helloworld/GET']);
    for (const methodSettings of settings) {
      // A method's own settings replace the stage-wide ones: without the same limits it would not be throttled.
      expect(methodSettings).toMatchObject({
        stage_name: `\${aws_api_gateway_stage.${stageId}.stage_name}`,
        settings: { throttling_rate_limit: 250, throttling_burst_limit: 125 },
      });
    }
  });

  test.each(REGIONS)('%s: detailed metrics only for GET /helloworld, which the error-rate alarms read', (region) => {
    const byPath = Object.fromEntries(inRegion(stack, 'aws_api_gateway_method_settings', region).map((s) => [s.method_path, s.settings]));
    expect(byPath['helloworld/GET']).toEqual({ metrics_enabled: true, throttling_rate_limit: 250, throttling_burst_limit: 125 });
    expect(byPath['*/*']).not.toHaveProperty('metrics_enabled');
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
    const settings = resourcesOf(synthApiStack().stack, 'aws_api_gateway_method_settings').map(([, s]) => s)
      .find((s) => s.method_path === '*/*')!;
    expect(settings.settings).toEqual({ throttling_rate_limit: 100, throttling_burst_limit: 50 });
  });
});
