import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { ApiHealthCheck } from './api-health-check';
import { LatencyRecords } from './latency-records';
import { DnsConfig, HealthCheckConfig } from '../config/types';
import { BASE_PATH, HEALTH_PATH, STAGE_NAME } from '../contract';
import { RegionalApi } from './regional-api';
import { RegionalDomain } from './regional-domain';
import { RegionalHostnameRecords } from './regional-hostname-records';
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
  /**
   * The name only this region serves, e.g. `us-east-1.api.example.com`, which the health check probes through the
   * same certificate, a custom domain and base path mapping like the public name's (healthCheck.target "hostname").
   * @default none: the health check probes the execute-api host (healthCheck.target "execute-api")
   */
  readonly regionalHostname?: string;
}

/** This region's own hostname: its custom domain and the ALIAS records that send the name to it. */
export interface RegionalHostname {
  readonly name: string;
  readonly domain: RegionalDomain;
  readonly records: RegionalHostnameRecords;
}

/**
 * How clients reach one region under the shared name: its certificate, its custom domain mapped to the API,
 * a health check (through the region's own hostname, or on the execute-api host), and the latency record that the
 * health check gates.
 */
export class RegionalFrontDoor extends Construct {
  readonly certificate: ValidatedCertificate;
  readonly domain: RegionalDomain;
  readonly hostname?: RegionalHostname;
  /** The Route 53 health check on this region's API (not to be confused with the API's health function). */
  readonly route53HealthCheck: ApiHealthCheck;
  readonly records: LatencyRecords;

  constructor(scope: Construct, id: string, props: RegionalFrontDoorProps) {
    super(scope, id);
    const { api, provider } = props;

    const hostname = props.regionalHostname;
    this.certificate = new ValidatedCertificate(this, 'certificate', {
      provider,
      domainName: props.domainName,
      alternativeNames: hostname ? [hostname] : [],
      validationRecordFqdns: props.validationRecordFqdns,
    });
    this.domain = new RegionalDomain(this, 'domain', {
      provider,
      domainName: props.domainName,
      certificateArn: this.certificate.validatedArn,
      restApiId: api.restApi.id,
      stageName: api.stage.stageName,
    });
    if (hostname) {
      const domain = new RegionalDomain(this, 'hostname-domain', {
        provider,
        domainName: hostname,
        certificateArn: this.certificate.validatedArn,
        restApiId: api.restApi.id,
        stageName: api.stage.stageName,
      });
      const records = new RegionalHostnameRecords(this, 'hostname-records', {
        provider,
        zoneId: props.hostedZoneId,
        name: hostname,
        targetDomainName: domain.targetDomainName,
        targetZoneId: domain.targetZoneId,
      });
      this.hostname = { name: hostname, domain, records };
    }
    // Neither form probes the shared name, which whichever region is closest to the checker would answer. The
    // region's own hostname takes the users' path (DNS, certificate, custom domain, mapping, stage, function); the
    // execute-api host skips the first four.
    this.route53HealthCheck = new ApiHealthCheck(this, 'health-check', {
      provider,
      fqdn: this.hostname?.name ?? api.executeApiHost,
      resourcePath: this.hostname ? `/${BASE_PATH}/${HEALTH_PATH}` : `/${STAGE_NAME}/${HEALTH_PATH}`,
      name: props.healthCheckName,
      healthCheck: props.healthCheck,
      // Pointed at the hostname only once it is served, so a live stack's checks never probe a name not yet there.
      dependsOn: this.hostname ? [this.hostname.domain.mapping, ...this.hostname.records.records] : undefined,
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
