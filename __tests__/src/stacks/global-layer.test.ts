import { FIVE_REGIONS, testConfig } from '../../helpers/config';
import { onlyInRegion, ref, resourcesOf, synthApiStack, SynthesizedStack } from '../../helpers/synth';

const EXAMPLE_REGIONS = ['us-east-1', 'us-west-2'];

/** The custom domain (and its base path mapping) for one name in one region. */
function domainFor(stack: SynthesizedStack, region: string, name: string) {
  const [domainId, domain] = resourcesOf(stack, 'aws_api_gateway_domain_name')
    .find(([, d]) => d.provider === `aws.${region}` && d.domain_name === name)!;
  const [, mapping] = resourcesOf(stack, 'aws_api_gateway_base_path_mapping')
    .find(([, m]) => m.domain_name === ref('aws_api_gateway_domain_name', domainId, 'domain_name'))!;
  return { domainId, domain, mapping };
}

/** The region's Route 53 check of its health route, and the check its latency records carry. */
function healthChecks(stack: SynthesizedStack, region: string) {
  const checks = resourcesOf(stack, 'aws_route53_health_check').filter(([, c]) => c.provider === `aws.${region}`);
  const [checkId, check] = checks.find(([, c]) => String(c.resource_path).endsWith('/healthcheck'))!;
  const [dnsCheckId] = checks.find(([id]) => id.includes('_dns-health-check_'))!;
  return { checkId, check, dnsCheckId };
}

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
    const { domainId, domain, mapping } = domainFor(stack, region, 'api.example.com');
    const hostname = `${region}.api.example.com`;
    const own = domainFor(stack, region, hostname);
    const { check, dnsCheckId } = healthChecks(stack, region);
    const [apiId] = onlyInRegion(stack, 'aws_api_gateway_rest_api', region);
    const [stageId] = onlyInRegion(stack, 'aws_api_gateway_stage', region);

    test('a DNS-validated certificate for the domain and the region\'s own name, and the wait for it, on this region\'s provider', () => {
      expect(cert).toMatchObject({ domain_name: 'api.example.com', subject_alternative_names: [hostname], validation_method: 'DNS' });
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

    test('the region\'s own name: a second REGIONAL TLS 1.2 custom domain on the same certificate, v1 mapped to the same stage', () => {
      expect(own.domain).toMatchObject({
        domain_name: hostname,
        endpoint_configuration: { types: ['REGIONAL'], ip_address_type: 'dualstack' },
        security_policy: 'TLS_1_2',
        regional_certificate_arn: ref('aws_acm_certificate_validation', validationId, 'certificate_arn'),
      });
      expect(own.mapping).toMatchObject({
        base_path: 'v1', api_id: ref('aws_api_gateway_rest_api', apiId, 'id'), stage_name: ref('aws_api_gateway_stage', stageId, 'stage_name'),
      });
    });

    test('simple ALIAS A and AAAA records (no routing policy, no health check) send the own name to its custom domain', () => {
      const records = resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.name === hostname).map(([, r]) => r);
      expect(records.map((r) => r.type).sort()).toEqual(['A', 'AAAA']);
      for (const record of records) {
        expect(record).toEqual(expect.objectContaining({
          provider: `aws.${region}`,
          zone_id: 'Z0123456789EXAMPLE01',
          alias: {
            name: ref('aws_api_gateway_domain_name', own.domainId, 'regional_domain_name'),
            zone_id: ref('aws_api_gateway_domain_name', own.domainId, 'regional_zone_id'),
            evaluate_target_health: false,
          },
        }));
        expect(Object.keys(record)).not.toEqual(expect.arrayContaining(['set_identifier']));
        expect(record).not.toHaveProperty('health_check_id');
      }
    });

    test('an HTTPS_STR_MATCH health check through the region\'s own name, once that name is served', () => {
      expect(check).toEqual(expect.objectContaining({
        type: 'HTTPS_STR_MATCH',
        port: 443,
        resource_path: '/v1/healthcheck',
        search_string: 'ok',
        fqdn: hostname,
        request_interval: 10,
        failure_threshold: 2,
        enable_sni: true,
        tags: { Name: `multi-region-api-${region}` },
      }));
      expect(check).not.toHaveProperty('regions');
      const records = resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.name === hostname).map(([id]) => `aws_route53_record.${id}`);
      const [mappingId] = resourcesOf(stack, 'aws_api_gateway_base_path_mapping').find(([, m]) => m === own.mapping)!;
      expect((check.depends_on as string[]).sort()).toEqual([`aws_api_gateway_base_path_mapping.${mappingId}`, ...records].sort());
    });

    test('ALIAS A and AAAA latency records carry this region\'s DNS check and point at its custom domain', () => {
      const records = latencyRecords(stack, region).map(([, r]) => r);
      expect(records.map((r) => r.type).sort()).toEqual(['A', 'AAAA']);
      for (const record of records) {
        expect(record).toMatchObject({
          zone_id: 'Z0123456789EXAMPLE01',
          name: 'api.example.com',
          set_identifier: region,
          latency_routing_policy: { region },
          health_check_id: ref('aws_route53_health_check', dnsCheckId, 'id'),
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

  test('the validation CNAMEs exist once per name across every region\'s certificate, on the global provider; each validation waits on its own names', () => {
    const validationRecords = resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.for_each !== undefined);
    expect(validationRecords).toHaveLength(1);
    const [recordId, record] = validationRecords[0];
    const byName = [...regions].sort().map((region) => onlyInRegion(stack, 'aws_acm_certificate', region)[0])
      .map((id) => `{ for key, val in tolist(aws_acm_certificate.${id}.domain_validation_options): val.domain_name => val }`);
    expect(record).toMatchObject({
      provider: 'aws.us-east-1-monitoring',
      lifecycle: { ignore_changes: ['name', 'type', 'records'] },
      allow_overwrite: true,
      zone_id: 'Z0123456789EXAMPLE01',
      name: `\${merge(${byName.join(', ')})[each.value].resource_record_name}`,
      type: `\${merge(${byName.join(', ')})[each.value].resource_record_type}`,
    });
    // Keyed by domain name, never indexed: the shared name once, each region's own name once.
    expect(record.for_each).toBe(`\${toset(${JSON.stringify(['api.example.com', ...[...regions].sort().map((r) => `${r}.api.example.com`)]).replace(/,/g, ', ')})}`);
    // Only this certificate's names: another region coming or going leaves this validation as it is.
    for (const region of regions) {
      const [validationId] = onlyInRegion(stack, 'aws_acm_certificate_validation', region);
      const validation = resourcesOf(stack, 'aws_acm_certificate_validation').find(([id]) => id === validationId)![1];
      expect(validation.validation_record_fqdns).toEqual(['api.example.com', `${region}.api.example.com`]
        .map((name) => `\${aws_route53_record.${recordId}["${name}"].fqdn}`));
    }
  });

  test('outputs: global URL, domain, both failover models, and one entry per region', () => {
    const output = stack.output!;
    expect(Object.keys(output).sort()).toEqual(['domain_name', 'error_rate_failover_seconds', 'failover_seconds', 'global_url', 'regions']);
    // 2 periods of 60 s, a minute for Route 53 to act on the metric, the ALIAS TTL.
    expect(output.error_rate_failover_seconds.value).toBe(60 * 2 + 60 + 60);
    expect(output.global_url.value).toBe('https://api.example.com/v1/helloworld');
    expect(output.domain_name.value).toBe('api.example.com');
    expect(output.failover_seconds.value).toBe(10 * 2 + 60);
    const byRegion = output.regions.value as Record<string, Record<string, string>>;
    expect(Object.keys(byRegion).sort()).toEqual([...regions].sort());
    for (const region of regions) {
      const [apiId] = onlyInRegion(stack, 'aws_api_gateway_rest_api', region);
      const [stageId] = onlyInRegion(stack, 'aws_api_gateway_stage', region);
      const { checkId, dnsCheckId } = healthChecks(stack, region);
      const { domainId } = domainFor(stack, region, 'api.example.com');
      const checkOf = (suffix: string) => resourcesOf(stack, 'aws_route53_health_check')
        .find(([id, c]) => c.provider === `aws.${region}` && id.includes(suffix))![0];
      const alarmOf = (suffix: string) => resourcesOf(stack, 'aws_cloudwatch_metric_alarm')
        .find(([id, a]) => a.provider === `aws.${region}` && id.includes(suffix))![0];
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
        hostname: `${region}.api.example.com`,
        custom_domain_target: ref('aws_api_gateway_domain_name', domainId, 'regional_domain_name'),
        custom_domain_zone_id: ref('aws_api_gateway_domain_name', domainId, 'regional_zone_id'),
        hello_function_name: functionName('hello-world'),
        health_function_name: functionName('health-check'),
        dns_health_check_id: ref('aws_route53_health_check', dnsCheckId, 'id'),
        served_route_check_id: ref('aws_route53_health_check', checkOf('_served-route-check_'), 'id'),
        error_rate_alarm_name: ref('aws_cloudwatch_metric_alarm', alarmOf('_alarms_error-rate_'), 'alarm_name'),
        request_count_alarm_name: ref('aws_cloudwatch_metric_alarm', alarmOf('_alarms_busy_'), 'alarm_name'),
      });
    }
  });
});

describe('global layer, configured settings', () => {
  test('CNAME records: one per region with the configured TTL, targeting that region\'s custom domain', () => {
    const { stack } = synthApiStack(testConfig({ dns: { recordType: 'CNAME', ttl: 30 } }));
    for (const region of EXAMPLE_REGIONS) {
      const { domainId } = domainFor(stack, region, 'api.example.com');
      const { dnsCheckId } = healthChecks(stack, region);
      const records = latencyRecords(stack, region).map(([, r]) => r);
      expect(records).toEqual([expect.objectContaining({
        type: 'CNAME',
        ttl: 30,
        records: [ref('aws_api_gateway_domain_name', domainId, 'regional_domain_name')],
        set_identifier: region,
        latency_routing_policy: { region },
        health_check_id: ref('aws_route53_health_check', dnsCheckId, 'id'),
      })]);
      expect(records[0]).not.toHaveProperty('alias');
    }
    expect(stack.output!.failover_seconds.value).toBe(10 * 2 + 30);
  });

  test('health check interval, threshold and checker regions come from the config', () => {
    const checkerRegions = ['us-east-1', 'eu-west-1', 'ap-southeast-1'];
    const { stack } = synthApiStack(testConfig({ healthCheck: { requestInterval: 30, failureThreshold: 3, checkerRegions, errorRate: { minRequests: 6 } } }));
    const probes = resourcesOf(stack, 'aws_route53_health_check').filter(([, c]) => c.type === 'HTTPS_STR_MATCH');
    expect(probes).toHaveLength(4);
    for (const [, check] of probes) {
      expect(check).toMatchObject({ request_interval: 30, failure_threshold: 3, regions: checkerRegions });
    }
    expect(stack.output!.failover_seconds.value).toBe(30 * 3 + 60);
  });

  test('the name prefix names the health checks', () => {
    const { stack } = synthApiStack(testConfig({ namePrefix: 'shop' }));
    const names = resourcesOf(stack, 'aws_route53_health_check').map(([, c]) => (c.tags as Record<string, string>).Name);
    expect(names.sort()).toEqual(['us-east-1', 'us-west-2'].flatMap((region) => ['', '-dns', '-errors', '-error-rate', '-quiet', '-served-route']
      .map((suffix) => `shop-${region}${suffix}`)).sort());
  });

  test('target execute-api keeps the blog\'s form: the check on the execute-api host, one name per certificate and region', () => {
    const { stack } = synthApiStack(testConfig({ healthCheck: { target: 'execute-api' } }));
    for (const region of EXAMPLE_REGIONS) {
      const [apiId] = onlyInRegion(stack, 'aws_api_gateway_rest_api', region);
      const { check } = healthChecks(stack, region);
      expect(check).toMatchObject({
        fqdn: `${ref('aws_api_gateway_rest_api', apiId, 'id')}.execute-api.${region}.amazonaws.com`, resource_path: '/prod/healthcheck', enable_sni: true,
      });
      expect(check).not.toHaveProperty('depends_on');
      expect(onlyInRegion(stack, 'aws_acm_certificate', region)[1]).not.toHaveProperty('subject_alternative_names');
      expect(onlyInRegion(stack, 'aws_api_gateway_domain_name', region)[1].domain_name).toBe('api.example.com');
    }
  });

  test('a configured hostname pattern names each region\'s domain, SAN and check', () => {
    const { stack } = synthApiStack(testConfig({ healthCheck: { regionalHostname: 'health-{region}.{domainName}' } }));
    for (const region of EXAMPLE_REGIONS) {
      const name = `health-${region}.api.example.com`;
      expect(onlyInRegion(stack, 'aws_acm_certificate', region)[1].subject_alternative_names).toEqual([name]);
      const probes = resourcesOf(stack, 'aws_route53_health_check').filter(([, c]) => c.provider === `aws.${region}` && c.fqdn);
      expect(probes.map(([, c]) => [c.fqdn, c.resource_path]).sort()).toEqual([[name, '/v1/healthcheck'], [name, '/v1/helloworld']]);
      expect(domainFor(stack, region, name).domain.security_policy).toBe('TLS_1_2');
    }
  });

  test('one region still gets its validation records and a latency record', () => {
    const { stack } = synthApiStack(testConfig({ regions: ['eu-west-1'] }));
    expect(latencyRecords(stack, 'eu-west-1')).toHaveLength(2);
    expect(resourcesOf(stack, 'aws_route53_record').filter(([, r]) => r.for_each !== undefined)).toHaveLength(1);
  });
});
