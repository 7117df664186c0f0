import { block } from '../../stack-model/references';
import { resourceRule } from './resource-rule';

export const apiGatewayStageAccessLogs = resourceRule({
  id: 'MRA-APIGW-STAGE-ACCESS-LOGS',
  description: 'API Gateway stages write JSON access logs to a CloudWatch log group',
  fix: 'Set access_log_settings { destination_arn = <log group arn>, format = <JSON object of $context fields> } on '
    + 'aws_api_gateway_stage (the account\'s API Gateway CloudWatch role must be set: see apiGatewayAccountSetting)',
}, 'aws_api_gateway_stage', (stage) => {
  const settings = block(stage.body.access_log_settings);
  return !settings ? 'has no access_log_settings'
    : !settings.destination_arn ? 'access_log_settings has no destination_arn'
      : !isJsonObject(settings.format) ? 'access_log_settings.format is not a JSON object'
        : undefined;
});

function isJsonObject(format: unknown): boolean {
  if (typeof format !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(format);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed);
  } catch {
    return false;
  }
}
