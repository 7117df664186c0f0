import { RegionalDomain } from '../../../src/constructs/regional-domain';
import { ref, resourcesOf, synthConstructs } from '../../helpers/synth';

function synth(basePath?: string) {
  return synthConstructs((scope, provider) => new RegionalDomain(scope, 'domain', {
    provider, domainName: 'api.example.com', certificateArn: 'arn:cert', restApiId: 'api-1', stageName: 'prod', basePath,
  }));
}

describe('RegionalDomain', () => {
  test('REGIONAL, TLS 1.2, the given certificate; base path v1 by default', () => {
    const stack = synth();
    const [[domainId, domain]] = resourcesOf(stack, 'aws_api_gateway_domain_name');
    expect(domain).toMatchObject({
      domain_name: 'api.example.com', endpoint_configuration: { types: ['REGIONAL'], ip_address_type: 'dualstack' },
      regional_certificate_arn: 'arn:cert', security_policy: 'TLS_1_2',
    });
    expect(domain).not.toHaveProperty('certificate_arn');
    expect(resourcesOf(stack, 'aws_api_gateway_base_path_mapping').map(([, m]) => m)).toEqual([expect.objectContaining({
      base_path: 'v1', api_id: 'api-1', stage_name: 'prod', domain_name: ref('aws_api_gateway_domain_name', domainId, 'domain_name'),
    })]);
  });

  test('another base path when given', () => {
    expect(resourcesOf(synth('v2'), 'aws_api_gateway_base_path_mapping')[0][1].base_path).toBe('v2');
  });
});
