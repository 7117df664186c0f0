import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { ApiHealthCheck } from './api-health-check';
import { LatencyRecords } from './latency-records';
import { DnsConfig, HealthCheckConfig } from '../config/types';
import { HEALTH_PATH, STAGE_NAME } from '../contract';
import { RegionalApi } from './regional-api';
import { RegionalDomain } from './regional-domain';
import { ValidatedCertificate } from './validated-certificate';

export interface RegionalFrontDoorProps {
  /** The region's API; its region and provider are this construct's too. */
  readonly api: RegionalApi;
  readonly provider: AwsProvider;
  /** The public name, the same in every region. */
  readonly domainName: string;
  /** The public hosted zone that holds `domainName`. */
  readonly hostedZoneId: string;
  /** FQDNs of the (shared) ACM validation records this region's certificate waits for. */
  readonly validationRecordFqdns: string[];
  /** The health check's Name tag. */
  readonly healthCheckName: string;
  /** How often, from where and how strictly Route 53 probes the API. */
  readonly healthCheck: HealthCheckConfig;
  /** The latency records' type and (CNAME) TTL. */
  readonly dns: DnsConfig;
}

/**
 * How clients reach one region under the shared name: its certificate, its custom domain mapped to the API,
 * a health check on the API itself, and the latency record that the health check gates.
 */
export class RegionalFrontDoor extends Construct {
  readonly certificate: ValidatedCertificate;
  readonly domain: RegionalDomain;
  /** The Route 53 health check on this region's API (not to be confused with the API's health function). */
  readonly route53HealthCheck: ApiHealthCheck;
  readonly records: LatencyRecords;

  constructor(scope: Construct, id: string, props: RegionalFrontDoorProps) {
    super(scope, id);
    const { api, provider } = props;

    this.certificate = new ValidatedCertificate(this, 'certificate', {
      provider, domainName: props.domainName, validationRecordFqdns: props.validationRecordFqdns,
    });
    this.domain = new RegionalDomain(this, 'domain', {
      provider,
      domainName: props.domainName,
      certificateArn: this.certificate.validatedArn,
      restApiId: api.restApi.id,
      stageName: api.stage.stageName,
    });
    // Probing the execute-api host, not the shared name, tests exactly this region (the shared name would be
    // answered by whichever region is closest to the checker).
    this.route53HealthCheck = new ApiHealthCheck(this, 'health-check', {
      provider,
      fqdn: api.executeApiHost,
      resourcePath: `/${STAGE_NAME}/${HEALTH_PATH}`,
      name: props.healthCheckName,
      healthCheck: props.healthCheck,
    });
    this.records = new LatencyRecords(this, 'latency-records', {
      provider,
      zoneId: props.hostedZoneId,
      name: props.domainName,
      region: api.region,
      healthCheckId: this.route53HealthCheck.healthCheckId,
      targetDomainName: this.domain.targetDomainName,
      targetZoneId: this.domain.targetZoneId,
      dns: props.dns,
    });
  }
}
