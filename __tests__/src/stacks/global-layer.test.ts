import { FIVE_REGIONS, testConfig } from '../../helpers/config';
import { onlyInRegion, ref, resourcesOf, synthApiStack, SynthesizedStack } from '../../helpers/synth';

const EXAMPLE_REGIONS = ['us-east-1', 'us-west-2'];

/** Latency records for the public name (not the validation CNAMEs) in one region. */
function latencyRecords(stack: SynthesizedStack, region: string) {
  return resourcesOf(stack, 'aws_route53_record')
    .filter(([, r]) => r.provider === `aws.${region}` && r.latency_routing_policy !== undefined);
}

describe.each([
  ['two regions', EXAMPLE_REGIONS],
  ['five regions', FIVE_REGIONS],
])('global layer, %s', (_name, regions) => {
  const { stack } = synthApiStack(testConfig({ regions }));

  describe.each(regions)('%s', (region) => {
    const [certId, cert] = onlyInRegion(stack, 'aws_acm_certificate', region);
    const [validationId, validation] = onlyInRegion(stack, 'aws_acm_certificate_validation', region);
    const [domainId, domain] = onlyInRegion(stack, 'aws_api_gateway_domain_name', region);
    const [, mapping] = onlyInRegion(stack, 'aws_api_gateway_base_path_mapping', region);
    const [checkId, check] = onlyInRegion(stack, 'aws_route53_health_check', region);
    const [apiId] = onlyInRegion(stack, 'aws_api_gateway_rest_api', region);
    const [stageId] = onlyInRegion(stack, 'aws_api_gateway_stage', region);

    test('a DNS-validated certificate for the domain, and the wait for it, on this region\'s provider', () => {
      expect(cert).toMatchObject({ domain_name: 'api.example.com', validation_method: 'DNS' });
      expect(validation.certificate_arn).toBe(ref('aws_acm_certificate', certId, 'arn'));
    });

    test('a REGIONAL TLS 1.2 custom domain using this region\'s validated certificate', () => {
      expect(domain).toMatchObject({
        domain_name: 'api.example.com',
        endpoint_configuration: { types: ['REGIONAL'], ip_address_type: 'dualstack' },
        security_policy: 'TLS_1_2',
        regional_certificate_arn: ref('aws_acm_certificate_validation', validationId, 'certificate_arn'),
      });
    });

    test('base path v1 maps to this region\'s API stage prod', () => {
      expect(mapping).toMatchObject({
        base_path: 'v1',
        api_id: ref('aws_api_gateway_rest_api', apiId, 'id'),
        stage_name: ref('aws_api_gateway_stage', stageId, 'stage_name'),
        domain_name: ref('aws_api_gateway_domain_name', domainId, 'domain_name'),
      });
      expect(stack.resource.aws_api_gateway_stage[stageId].stage_name).toBe('prod');
    });

    test('an HTTPS_STR_MATCH health check on this region\'s execute-api host', () => {
      expect(check).toEqual(expect.objectContaining({
        type: 'HTTPS_STR_MATCH',
        port: 443,
        resource_path: '/prod/healthcheck',
        search_string: 'ok',
        fqdn: `${ref('aws_api_gateway_rest_api', apiId, 'id')}.execute-api.${region}.amazonaws.com`,
        request_interval: 10,
        failure_threshold: 2,
        enable_sni: true,
        tags: { Name: `multi-region-api-${region}` },
      }));
      expect(check).not.toHaveProperty('regions');
    });

    test('ALIAS A and AAAA latency records carry this region\'s check and point at its custom domain', () => {
      const records = latencyRecords(stack, region).map(([, r]) => r);
      expect(records.map((r) => r.type).sort()).toEqual(['A', 'AAAA']);
      for (const record of records) {
        expect(record).toMatchObject({
          zone_id: 'Z0123456789EXAMPLE01',
          name: 'api.example.com',
          set_identifier: region,
          latency_routing_policy: { region },
          health_check_id: ref('aws_route53_health_check', checkId, 'id'),
          alias: {
            name: ref('aws_api_gateway_domain_name', domainId, 'regional_domain_name'),
            zone_id: ref('aws_api_gateway_domain_name', domainId, 'regional_zone_id'),
            evaluate_target_health: false,
          },
        });
        expect(record).not.toHaveProperty('ttl');
      }
    });
  });

  test('the validation CNAMEs exist once, on the global provider, from the alphabetically first region\'s certificate', () => {
    const validationRecords = resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.for_each !== undefined);
    expect(validationRecords).toHaveLength(1);
    const [recordId, record] = validationRecords[0];
    const [firstCertId] = onlyInRegion(stack, 'aws_acm_certificate', [...regions].sort()[0]);
    expect(record).toMatchObject({
      provider: 'aws.us-east-1-monitoring',
      lifecycle: { ignore_changes: ['name', 'type', 'records'] },
      allow_overwrite: true,
      zone_id: 'Z0123456789EXAMPLE01',
      name: '${each.value.resource_record_name}',
      type: '${each.value.resource_record_type}',
      records: ['${each.value.resource_record_value}'],
    });
    // Keyed by domain name over the set, never indexed.
    expect(record.for_each).toBe(
      `\${{ for key, val in tolist(aws_acm_certificate.${firstCertId}.domain_validation_options): val.domain_name => val }}`);
    for (const [, validation] of resourcesOf(stack, 'aws_acm_certificate_validation')) {
      expect(validation.validation_record_fqdns).toBe(`\${[ for key, val in aws_route53_record.${recordId}: val.fqdn]}`);
    }
  });

  test('outputs: global URL, domain, failover model, and one entry per region', () => {
    const output = stack.output!;
    expect(Object.keys(output).sort()).toEqual(['domain_name', 'failover_seconds', 'global_url', 'regions']);
    expect(output.global_url.value).toBe('https://api.example.com/v1/helloworld');
    expect(output.domain_name.value).toBe('api.example.com');
    expect(output.failover_seconds.value).toBe(10 * 2 + 60);
    const byRegion = output.regions.value as Record<string, Record<string, string>>;
    expect(Object.keys(byRegion).sort()).toEqual([...regions].sort());
    for (const region of regions) {
      const [apiId] = onlyInRegion(stack, 'aws_api_gateway_rest_api', region);
      const [stageId] = onlyInRegion(stack, 'aws_api_gateway_stage', region);
      const [checkId] = onlyInRegion(stack, 'aws_route53_health_check', region);
      const [domainId] = onlyInRegion(stack, 'aws_api_gateway_domain_name', region);
      const functionName = (name: string) => {
        const [fnId] = resourcesOf(stack, 'aws_lambda_function')
          .find(([, f]) => f.provider === `aws.${region}` && f.function_name === `multi-region-api-${name}`)!;
        return ref('aws_lambda_function', fnId, 'function_name');
      };
      expect(byRegion[region]).toEqual({
        invoke_url: ref('aws_api_gateway_stage', stageId, 'invoke_url'),
        execute_api_host: `${ref('aws_api_gateway_rest_api', apiId, 'id')}.execute-api.${region}.amazonaws.com`,
        rest_api_id: ref('aws_api_gateway_rest_api', apiId, 'id'),
        health_check_id: ref('aws_route53_health_check', checkId, 'id'),
        health_check_fqdn: ref('aws_route53_health_check', checkId, 'fqdn'),
        custom_domain_target: ref('aws_api_gateway_domain_name', domainId, 'regional_domain_name'),
        custom_domain_zone_id: ref('aws_api_gateway_domain_name', domainId, 'regional_zone_id'),
        hello_function_name: functionName('hello-world'),
        health_function_name: functionName('health-check'),
      });
    }
  });
});

describe('global layer, configured settings', () => {
  test('CNAME records: one per region with the configured TTL, targeting that region\'s custom domain', () => {
    const { stack } = synthApiStack(testConfig({ dns: { recordType: 'CNAME', ttl: 30 } }));
    for (const region of EXAMPLE_REGIONS) {
      const [domainId] = onlyInRegion(stack, 'aws_api_gateway_domain_name', region);
      const [checkId] = onlyInRegion(stack, 'aws_route53_health_check', region);
      const records = latencyRecords(stack, region).map(([, r]) => r);
      expect(records).toEqual([expect.objectContaining({
        type: 'CNAME',
        ttl: 30,
        records: [ref('aws_api_gateway_domain_name', domainId, 'regional_domain_name')],
        set_identifier: region,
        latency_routing_policy: { region },
        health_check_id: ref('aws_route53_health_check', checkId, 'id'),
      })]);
      expect(records[0]).not.toHaveProperty('alias');
    }
    expect(stack.output!.failover_seconds.value).toBe(10 * 2 + 30);
  });

  test('health check interval, threshold and checker regions come from the config', () => {
    const checkerRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];
    const { stack } = synthApiStack(testConfig({ healthCheck: { requestInterval: 30, failureThreshold: 3, checkerRegions } }));
    for (const [, check] of resourcesOf(stack, 'aws_route53_health_check')) {
      expect(check).toMatchObject({ request_interval: 30, failure_threshold: 3, regions: checkerRegions });
    }
    expect(stack.output!.failover_seconds.value).toBe(30 * 3 + 60);
  });

  test('the name prefix names the health checks', () => {
    const { stack } = synthApiStack(testConfig({ namePrefix: 'shop' }));
    const names = resourcesOf(stack, 'aws_route53_health_check').map(([, c]) => (c.tags as Record<string, string>).Name);
    expect(names).toEqual(['shop-us-east-1', 'shop-us-west-2']);
  });

  test('one region still gets its validation records and a latency record', () => {
    const { stack } = synthApiStack(testConfig({ regions: ['eu-west-1'] }));
    expect(latencyRecords(stack, 'eu-west-1')).toHaveLength(2);
    expect(resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.for_each !== undefined)).toHaveLength(1);
  });
});
