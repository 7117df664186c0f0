import { originMatchTemplate } from '../../../src/aws/cors-origin-template';
import { testConfig } from '../../helpers/config';
import { inRegion, onlyInRegion, Resource, synthApiStack } from '../../helpers/synth';

const A = 'https://a.example.com';
const B = 'https://b.example.com';

function gatewayResponses(allowOrigins: string[]): Resource[] {
  const { stack } = synthApiStack(testConfig({ cors: { allowOrigins } }));
  return inRegion(stack, 'aws_api_gateway_gateway_response', 'us-west-2');
}

describe('gateway responses', () => {
  test('DEFAULT_4XX and DEFAULT_5XX per region keep API Gateway\'s status codes and add the CORS header', () => {
    const responses = gatewayResponses(['*']);
    expect(responses.map((r) => r.response_type).sort()).toEqual(['DEFAULT_4XX', 'DEFAULT_5XX']);
    for (const response of responses) {
      expect(response.status_code).toBeUndefined();
      expect(response.response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" });
    }
  });

  test('one origin is a static header', () => {
    expect(gatewayResponses([A])[0].response_parameters).toEqual({ 'gatewayresponse.header.Access-Control-Allow-Origin': `'${A}'` });
  });

  test('several origins echo the request\'s Origin, varying on it (gateway responses run no VTL)', () => {
    expect(gatewayResponses([A, B])[0].response_parameters).toEqual({
      'gatewayresponse.header.Access-Control-Allow-Origin': 'method.request.header.Origin',
      'gatewayresponse.header.Vary': "'Origin'",
    });
  });

  test('the deployment depends on them and hashes their whole objects (a change to one makes a new deployment)', () => {
    const deployment = (allowOrigins: string[]) => {
      const { stack } = synthApiStack(testConfig({ cors: { allowOrigins } }));
      return onlyInRegion(stack, 'aws_api_gateway_deployment', 'us-east-1')[1];
    };
    const one = deployment([A]);
    const dependsOn = one.depends_on as string[];
    expect(dependsOn.filter((d) => d.startsWith('aws_api_gateway_gateway_response.'))).toHaveLength(2);
    // The preflight template is edited in place: the new deployment must wait for that edit.
    expect(dependsOn.filter((d) => d.startsWith('aws_api_gateway_integration_response.'))).toHaveLength(2);
    for (const response of dependsOn.filter((d) => d.startsWith('aws_api_gateway_gateway_response.'))) {
      expect(String((one.triggers as Record<string, string>).served)).toContain(response);
    }
  });
});

describe('CORS preflight with several origins', () => {
  const { stack } = synthApiStack(testConfig({ cors: { allowOrigins: [A, B] } }));
  const responses = inRegion(stack, 'aws_api_gateway_integration_response', 'us-east-1');

  test('sets no static Allow-Origin (no "null" for an unlisted origin); the template sets it for a listed one', () => {
    for (const response of responses) {
      expect(Object.keys(response.response_parameters as object)).not.toContain('method.response.header.Access-Control-Allow-Origin');
      expect((response.response_templates as Record<string, string>)['application/json']).toBe(originMatchTemplate([A, B]));
    }
  });

  test('the template finds the Origin header whatever its case', () => {
    const template = originMatchTemplate([A]);
    expect(template).toContain('#if($name.toLowerCase() == "origin")');
    expect(template).not.toContain('header.get("Origin")');
  });
});
