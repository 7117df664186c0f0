import { apiGatewayStageTracing } from '../../../../tools/policy/rules/api-gateway-stage-tracing';
import { fixture, violationsOf } from '../../../helpers/policy';

describe('MRA-APIGW-STAGE-TRACING', () => {
  test('a traced stage complies', () => {
    expect(violationsOf(apiGatewayStageTracing, fixture({ aws_api_gateway_stage: { s: { xray_tracing_enabled: true } } }))).toEqual([]);
  });

  test('an untraced stage is reported', () => {
    const stack = fixture({ aws_api_gateway_stage: { off: { xray_tracing_enabled: false }, unset: {} } });
    expect(violationsOf(apiGatewayStageTracing, stack).map(([address]) => address)).toEqual(['aws_api_gateway_stage.off', 'aws_api_gateway_stage.unset']);
  });
});
