import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { ErrorRateConfig, HealthCheckConfig } from '../config/types';
import { HELLO_PATH, HELLO_SEARCH_STRING } from '../contract';
import { AlarmHealthCheck } from './alarm-health-check';
import { ApiHealthCheck } from './api-health-check';
import { CalculatedHealthCheck } from './calculated-health-check';
import { ErrorRateAlarms } from './error-rate-alarms';
import { RegionalApi } from './regional-api';

export interface ServedRouteEvictionProps {
  readonly api: RegionalApi;
  readonly provider: AwsProvider;
  readonly namePrefix: string;
  /** The host Route 53 probes, the same as the health route's check (the region's hostname or execute-api host). */
  readonly fqdn: string;
  /** The path to the served route on that host, e.g. `/v1/helloworld`. */
  readonly servedPath: string;
  /** Interval, threshold and checker regions of the probe, the same as the health route's. */
  readonly healthCheck: HealthCheckConfig;
  readonly errorRate: ErrorRateConfig;
  /** Prefix of the health checks' `Name` tags (the health route's check is named this). */
  readonly name: string;
  /** What must exist before the probe reaches `fqdn`. @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * What takes a region out of DNS when its users get errors while its health route still answers `ok`: the served
 * route's error-rate alarms, a Route 53 probe of the served route, and the checks that combine them.
 *
 * `checks` are the two children the region's DNS check adds to its health-route check (all must be healthy):
 * - the probe of `GET /helloworld` (HTTPS_STR_MATCH `Hello from`): a route failing outright leaves within the health
 *   route's detection time, and the probe's steady traffic gives the alarms data while the region is out of DNS;
 * - `error gate` (CALCULATED, one of two): healthy while the error rate is under the threshold OR the period had too few
 *   requests to judge, so a handful of requests cannot take a region out. Without data both alarms' checks are
 *   healthy: an idle region stays in, and a region that recovered is not held out by a gap in its metrics.
 */
export class ServedRouteEviction extends Construct {
  readonly alarms: ErrorRateAlarms;
  readonly servedRouteCheck: ApiHealthCheck;
  readonly errorGate: CalculatedHealthCheck;
  readonly checks: readonly { readonly healthCheckId: string }[];

  constructor(scope: Construct, id: string, props: ServedRouteEvictionProps) {
    super(scope, id);
    const { api, provider, name } = props;
    this.alarms = new ErrorRateAlarms(this, 'alarms', {
      provider,
      region: api.region,
      namePrefix: props.namePrefix,
      metrics: api.enableMethodMetrics('served-route-metrics', HELLO_PATH),
      errorRate: props.errorRate,
    });
    this.servedRouteCheck = new ApiHealthCheck(this, 'served-route-check', {
      provider,
      fqdn: props.fqdn,
      resourcePath: props.servedPath,
      searchString: HELLO_SEARCH_STRING,
      name: `${name}-served-route`,
      healthCheck: props.healthCheck,
      dependsOn: props.dependsOn,
    });
    const alarmCheck = (checkId: string, alarm: ErrorRateAlarms['errorRate'], suffix: string) => new AlarmHealthCheck(this, checkId, {
      provider, alarm, alarmRegion: api.region, name: `${name}-${suffix}`, insufficientDataHealthStatus: 'Healthy',
    });
    this.errorGate = new CalculatedHealthCheck(this, 'error-gate', {
      provider,
      childHealthCheckIds: [
        alarmCheck('error-rate-check', this.alarms.errorRate, 'error-rate').healthCheckId,
        alarmCheck('quiet-check', this.alarms.busy, 'quiet').healthCheckId,
      ],
      healthyChildren: 1,
      name: `${name}-errors`,
    });
    this.checks = [this.servedRouteCheck, this.errorGate];
  }
}
