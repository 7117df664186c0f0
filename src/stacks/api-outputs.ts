import { TerraformOutput, TerraformStack, Token } from 'cdktf';
import { RegionalApi } from '../constructs/regional-api';
import { RegionalFrontDoor } from '../constructs/regional-front-door';
import { CLIENT_HELLO_PATH } from '../contract';

export interface ApiOutputsProps {
  readonly domainName: string;
  readonly failoverSeconds: number;
  /** The error path's worst case. @default none: error-rate eviction is off, and so is the output */
  readonly errorRateSeconds?: number;
  readonly regions: ReadonlyArray<{ readonly api: RegionalApi; readonly frontDoor: RegionalFrontDoor }>;
}

/**
 * The stack-level outputs a reviewer reads in a plan and tools read with `terraform output -json`.
 * They sit directly on the stack so their names are exactly these (nested outputs would get hashed ids).
 */
export function declareApiOutputs(stack: TerraformStack, props: ApiOutputsProps): void {
  new TerraformOutput(stack, 'global_url', {
    value: `https://${props.domainName}${CLIENT_HELLO_PATH}`,
    description: 'The public URL, answered by the closest healthy region',
  });
  new TerraformOutput(stack, 'domain_name', { value: props.domainName });
  new TerraformOutput(stack, 'failover_seconds', {
    value: props.failoverSeconds,
    description: 'Worst case until clients leave a failed region: request_interval x failure_threshold + answer TTL',
  });
  if (props.errorRateSeconds !== undefined) {
    new TerraformOutput(stack, 'error_rate_failover_seconds', {
      value: props.errorRateSeconds,
      description: 'Worst case until clients leave a region whose users get errors: period x evaluation periods + '
        + 'Route 53\'s reaction to the metric + answer TTL',
    });
  }
  new TerraformOutput(stack, 'regions', {
    value: Object.fromEntries(props.regions.map(({ api, frontDoor }) => [api.region, regionOutputs(api, frontDoor)])),
    description: 'Per region: the stage invoke URL, health check, custom domain target and function names',
  });
}

function regionOutputs(api: RegionalApi, frontDoor: RegionalFrontDoor): Record<string, unknown> {
  const eviction = frontDoor.servedRouteEviction;
  return {
    invoke_url: api.stage.invokeUrl,
    execute_api_host: api.executeApiHost,
    rest_api_id: api.restApi.id,
    health_check_id: frontDoor.route53HealthCheck.healthCheckId,
    health_check_fqdn: frontDoor.route53HealthCheck.resource.fqdn,
    // The name only this region serves (healthCheck.target "hostname"), or null.
    hostname: frontDoor.hostname?.name ?? Token.nullValue(),
    custom_domain_target: frontDoor.domain.targetDomainName,
    custom_domain_zone_id: frontDoor.domain.targetZoneId,
    hello_function_name: api.helloWorld.function.functionName,
    health_function_name: api.healthFunction.function.functionName,
    ...(eviction ? {
      // The calculated check the latency records carry (Route 53 gives no GetHealthCheckStatus for it: read its
      // HealthCheckStatus metric in us-east-1), and the served route's probe and alarms.
      dns_health_check_id: frontDoor.dnsHealthCheck.healthCheckId,
      served_route_check_id: eviction.servedRouteCheck.healthCheckId,
      error_rate_alarm_name: eviction.alarms.errorRate.alarmName,
      request_count_alarm_name: eviction.alarms.busy.alarmName,
    } : {}),
  };
}
