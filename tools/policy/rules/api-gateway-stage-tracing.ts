import { PolicyRule, Violation } from '../types';

export const apiGatewayStageTracing: PolicyRule = {
  id: 'MRA-APIGW-STAGE-TRACING',
  description: 'API Gateway stages have X-Ray tracing enabled',
  fix: 'Set xray_tracing_enabled = true on aws_api_gateway_stage',
  check(stack) {
    const violations: Violation[] = [];
    for (const stage of stack.resources('aws_api_gateway_stage')) {
      if (stage.body.xray_tracing_enabled !== true) {
        violations.push({ address: stage.address, message: 'xray_tracing_enabled is not true' });
      }
    }
    return violations;
  },
};
