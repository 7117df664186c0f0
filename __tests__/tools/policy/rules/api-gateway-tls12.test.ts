import { apiGatewayTls12 } from '../../../../tools/policy/rules/api-gateway-tls12';
import { fixture, violationsOf } from '../../../helpers/policy';

describe('MRA-APIGW-TLS12', () => {
  test('a REGIONAL domain with TLS_1_2 complies', () => {
    const stack = fixture({ aws_api_gateway_domain_name: { api: { domain_name: 'api.example.com', security_policy: 'TLS_1_2' } } });
    expect(violationsOf(apiGatewayTls12, stack)).toEqual([]);
  });

  test('an unset or TLS_1_0 policy is reported, v1 and v2', () => {
    const stack = fixture({
      aws_api_gateway_domain_name: { unset: { domain_name: 'a.example.com' }, old: { security_policy: 'TLS_1_0' } },
      aws_apigatewayv2_domain_name: { v2: { domain_name_configuration: { security_policy: 'TLS_1_0' } } },
    });
    expect(violationsOf(apiGatewayTls12, stack)).toEqual([
      ['aws_api_gateway_domain_name.unset', 'security_policy is unset (TLS_1_0 by default)'],
      ['aws_api_gateway_domain_name.old', 'security_policy is "TLS_1_0"'],
      ['aws_apigatewayv2_domain_name.v2', 'domain_name_configuration.security_policy is "TLS_1_0"'],
    ]);
  });
});
