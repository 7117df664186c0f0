import { resourceRule } from './resource-rule';

export const apiGatewayStageTracing = resourceRule({
  id: 'MRA-APIGW-STAGE-TRACING',
  description: 'API Gateway stages have X-Ray tracing enabled',
  fix: 'Set xray_tracing_enabled = true on aws_api_gateway_stage',
}, 'aws_api_gateway_stage', (stage) => (stage.body.xray_tracing_enabled !== true ? 'xray_tracing_enabled is not true' : undefined));
