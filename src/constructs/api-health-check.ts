import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53HealthCheck } from '@cdktf/provider-aws/lib/route53-health-check';
import { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { HealthCheckConfig } from '../config/types';
import { HEALTH_SEARCH_STRING } from '../contract';
import { healthCheckTags } from '../aws/route53';

export interface ApiHealthCheckProps {
  /** Route 53 is global; the region's provider keeps every regional resource on its own provider. */
  readonly provider: AwsProvider;
  /** The host probed over HTTPS: `<region>.<domain>`, or `<api id>.execute-api.<region>.amazonaws.com`. */
  readonly fqdn: string;
  /** The path probed, e.g. `/prod/healthcheck`. */
  readonly resourcePath: string;
  /** The health check's `Name` tag, shown in the Route 53 console. */
  readonly name: string;
  /** Seconds between probes, consecutive failures (or successes) that flip the status, and the checker regions. */
  readonly healthCheck: HealthCheckConfig;
  /** The string the first 5,120 bytes of the body must hold. @default 'ok' */
  readonly searchString?: string;
  /** What must exist before the check probes `fqdn` (the hostname's domain, mapping and records). @default none */
  readonly dependsOn?: ITerraformDependable[];
}

/** An HTTPS_STR_MATCH Route 53 health check on port 443 of one region's API. */
export class ApiHealthCheck extends Construct {
  readonly resource: Route53HealthCheck;

  constructor(scope: Construct, id: string, props: ApiHealthCheckProps) {
    super(scope, id);
    const { requestInterval, failureThreshold, checkerRegions } = props.healthCheck;

    this.resource = new Route53HealthCheck(this, 'health-check', {
      provider: props.provider,
      type: 'HTTPS_STR_MATCH',
      fqdn: props.fqdn,
      port: 443,
      resourcePath: props.resourcePath,
      searchString: props.searchString ?? HEALTH_SEARCH_STRING,
      requestInterval,
      failureThreshold,
      // Regional custom domains and execute-api hosts serve many names behind one address and pick the certificate by SNI.
      enableSni: true,
      ...(checkerRegions.length > 0 ? { regions: [...checkerRegions] } : {}),
      tags: healthCheckTags(props.name),
      ...(props.dependsOn?.length ? { dependsOn: props.dependsOn } : {}),
      // Interval, checker regions and type force a new check: the latency records move to the new one before the
      // old one is deleted, so no record ever points at a deleted check.
      lifecycle: { createBeforeDestroy: true },
    });
  }

  get healthCheckId(): string {
    return this.resource.id;
  }
}
