
/** `terraform output -json` of a deployed two-region stack, as the global layer's outputs define it. */
export function outputsJson(overrides: Record<string, unknown> = {}): string {
  const region = (code: string, id: string) => ({
    invoke_url: `https://${id}.execute-api.${code}.amazonaws.com/prod/helloworld`,
    execute_api_host: `${id}.execute-api.${code}.amazonaws.com`,
    rest_api_id: id,
    health_check_id: `hc-${code}`,
    custom_domain_target: `d-${id}.execute-api.${code}.amazonaws.com`,
    custom_domain_zone_id: 'Z1UJRXOUMOOFQ8',
    hello_function_name: 'multi-region-api-hello-world',
    health_function_name: 'multi-region-api-health-check',
  });
  return JSON.stringify({
    domain_name: { sensitive: false, type: 'string', value: 'api.example.com' },
    failover_seconds: { sensitive: false, type: 'number', value: 80 },
    global_url: { sensitive: false, type: 'string', value: 'https://api.example.com/v1/helloworld' },
    regions: { sensitive: false, type: ['map'], value: { 'us-east-1': region('us-east-1', 'east111'), 'us-west-2': region('us-west-2', 'west222') } },
    ...overrides,
  });
}

