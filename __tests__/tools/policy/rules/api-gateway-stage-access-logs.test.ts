import { apiGatewayStageAccessLogs } from '../../../../tools/policy/rules/api-gateway-stage-access-logs';
import { fixture, violationsOf } from '../../../helpers/policy';

const destination = '${aws_cloudwatch_log_group.access.arn}';

describe('MRA-APIGW-STAGE-ACCESS-LOGS', () => {
  test('a stage logging JSON to a log group complies', () => {
    const stack = fixture({ aws_api_gateway_stage: { prod: { access_log_settings: { destination_arn: destination, format: '{"requestId":"$context.requestId"}' } } } });
    expect(violationsOf(apiGatewayStageAccessLogs, stack)).toEqual([]);
  });

  test('no settings, no destination, or a non-JSON format is reported', () => {
    const stack = fixture({
      aws_api_gateway_stage: {
        none: { stage_name: 'prod' },
        nowhere: { access_log_settings: { format: '{}' } },
        clf: { access_log_settings: { destination_arn: destination, format: '$context.identity.sourceIp $context.requestId' } },
      },
    });
    expect(violationsOf(apiGatewayStageAccessLogs, stack)).toEqual([
      ['aws_api_gateway_stage.none', 'has no access_log_settings'],
      ['aws_api_gateway_stage.nowhere', 'access_log_settings has no destination_arn'],
      ['aws_api_gateway_stage.clf', 'access_log_settings.format is not a JSON object'],
    ]);
  });
});
