import { block } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';

/** API Gateway custom domains default to TLS_1_0; only TLS_1_2 refuses the old protocol versions. */
export const apiGatewayTls12: PolicyRule = {
  id: 'MRA-APIGW-TLS12',
  description: 'API Gateway custom domain names accept TLS 1.2 or newer only',
  fix: 'Set security_policy = "TLS_1_2" on aws_api_gateway_domain_name (domain_name_configuration.security_policy for v2)',
  check(stack) {
    const violations: Violation[] = [];
    for (const domain of stack.resources('aws_api_gateway_domain_name')) {
      const policy = domain.body.security_policy;
      if (policy !== 'TLS_1_2') violations.push({ address: domain.address, message: `security_policy is ${describe(policy)}` });
    }
    for (const domain of stack.resources('aws_apigatewayv2_domain_name')) {
      const policy = block(domain.body.domain_name_configuration)?.security_policy;
      if (policy !== 'TLS_1_2') {
        violations.push({ address: domain.address, message: `domain_name_configuration.security_policy is ${describe(policy)}` });
      }
    }
    return violations;
  },
};

function describe(value: unknown): string {
  return value === undefined ? 'unset (TLS_1_0 by default)' : JSON.stringify(value);
}
