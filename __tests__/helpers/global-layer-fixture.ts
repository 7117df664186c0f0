/**
 * Until the global layer (issue 3) is on main, the synthesized stack has no custom domains, base path mappings, health
 * checks or latency records. This adds them shaped exactly as TEAM.md's contract says, so the local runner is tested
 * against that contract. It does nothing to a stack that already has health checks.
 */
type Json = Record<string, Record<string, Record<string, Record<string, unknown>>>> & {
  resource: Record<string, Record<string, Record<string, unknown>>>;
  provider: { aws: Array<{ alias: string; region: string }> };
};

export interface GlobalLayerSettings {
  readonly domainName: string;
  readonly hostedZoneId: string;
  readonly requestInterval: number;
  readonly failureThreshold: number;
}

export function addContractGlobalLayer(json: Json, settings: GlobalLayerSettings): boolean {
  if (json.resource.aws_route53_health_check) return false;
  const add = (type: string, id: string, body: Record<string, unknown>) => {
    (json.resource[type] ??= {})[id] = body;
  };
  for (const { alias, region } of json.provider.aws) {
    const provider = `aws.${alias}`;
    const byProvider = (type: string) => Object.entries(json.resource[type]).find(([, r]) => r.provider === provider)![0];
    const api = byProvider('aws_api_gateway_rest_api');
    const stage = byProvider('aws_api_gateway_stage');
    const domain = `region-${region}_domain_fixture`;
    const check = `region-${region}_health-check_fixture`;
    add('aws_api_gateway_domain_name', domain, {
      provider, domain_name: settings.domainName, security_policy: 'TLS_1_2',
      endpoint_configuration: { types: ['REGIONAL'] },
      regional_certificate_arn: `\${aws_acm_certificate_validation.region-${region}_cert_fixture.certificate_arn}`,
    });
    add('aws_api_gateway_base_path_mapping', `region-${region}_mapping_fixture`, {
      provider, api_id: `\${aws_api_gateway_rest_api.${api}.id}`, stage_name: `\${aws_api_gateway_stage.${stage}.stage_name}`,
      domain_name: `\${aws_api_gateway_domain_name.${domain}.domain_name}`, base_path: 'v1',
    });
    add('aws_route53_health_check', check, {
      provider, type: 'HTTPS_STR_MATCH', port: 443, fqdn: `\${aws_api_gateway_rest_api.${api}.id}.execute-api.${region}.amazonaws.com`,
      resource_path: '/prod/healthcheck', search_string: 'ok',
      request_interval: settings.requestInterval, failure_threshold: settings.failureThreshold, tags: { Name: region },
    });
    for (const type of ['A', 'AAAA']) {
      add('aws_route53_record', `region-${region}_latency-${type}_fixture`, {
        provider, zone_id: settings.hostedZoneId, name: settings.domainName, type, set_identifier: region,
        latency_routing_policy: { region }, health_check_id: `\${aws_route53_health_check.${check}.id}`,
        alias: {
          name: `\${aws_api_gateway_domain_name.${domain}.regional_domain_name}`,
          zone_id: `\${aws_api_gateway_domain_name.${domain}.regional_zone_id}`, evaluate_target_health: true,
        },
      });
    }
  }
  return true;
}
