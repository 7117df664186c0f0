import { apiGatewayStageThrottling } from '../../../../tools/policy/rules/api-gateway-stage-throttling';
import { fixture, violationsOf } from '../../../helpers/policy';

const stage = { rest_api_id: '${aws_api_gateway_rest_api.api.id}', stage_name: 'prod' };
const settingsFor = (limits: object, methodPath = '*/*') => ({
  rest_api_id: '${aws_api_gateway_rest_api.api.id}',
  stage_name: '${aws_api_gateway_stage.prod.stage_name}',
  method_path: methodPath,
  settings: limits,
});

describe('MRA-APIGW-STAGE-THROTTLING', () => {
  test('a stage with "*/*" method settings and positive limits complies (by reference or by name)', () => {
    const byReference = fixture({
      aws_api_gateway_stage: { prod: stage },
      aws_api_gateway_method_settings: { all: settingsFor({ throttling_rate_limit: 100, throttling_burst_limit: 50 }) },
    });
    const byName = fixture({
      aws_api_gateway_stage: { prod: stage },
      aws_api_gateway_method_settings: { all: { ...settingsFor({ throttling_rate_limit: 1, throttling_burst_limit: 1 }), stage_name: 'prod' } },
    });
    expect(violationsOf(apiGatewayStageThrottling, byReference)).toEqual([]);
    expect(violationsOf(apiGatewayStageThrottling, byName)).toEqual([]);
  });

  test('no settings for the stage, settings for one method only, or unset/-1 limits are reported', () => {
    const missing = fixture({
      aws_api_gateway_stage: { prod: stage },
      aws_api_gateway_method_settings: { one: settingsFor({ throttling_rate_limit: 5, throttling_burst_limit: 5 }, 'helloworld/GET') },
    });
    expect(violationsOf(apiGatewayStageThrottling, missing)).toEqual([
      ['aws_api_gateway_stage.prod', 'no aws_api_gateway_method_settings with method_path "*/*" for this stage'],
    ]);
    const unlimited = fixture({
      aws_api_gateway_stage: { prod: stage },
      aws_api_gateway_method_settings: { all: settingsFor({ throttling_rate_limit: -1 }) },
    });
    expect(violationsOf(apiGatewayStageThrottling, unlimited)).toEqual([
      ['aws_api_gateway_method_settings.all', 'settings.throttling_rate_limit is -1, not a positive limit'],
      ['aws_api_gateway_method_settings.all', 'settings.throttling_burst_limit is "unset", not a positive limit'],
    ]);
  });
});
