import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { ApiHealthCheck } from './api-health-check';
import { LatencyRecords } from './latency-records';
import { DnsConfig, HealthCheckConfig } from '../config/types';
import { BASE_PATH, HEALTH_PATH, HELLO_PATH, STAGE_NAME } from '../contract';
import { CalculatedHealthCheck } from './calculated-health-check';
import { RegionalApi } from './regional-api';
import { RegionalDomain } from './regional-domain';
import { RegionalHostnameRecords } from './regional-hostname-records';
import { ServedRouteEviction } from './served-route-eviction';
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
  /** Prefix of the error-rate alarms' names. */
  readonly namePrefix: string;
  /** The health check's Name tag (the other checks' tags start with it). */
  readonly healthCheckName: string;
  /** How often, from where and how strictly Route 53 probes the API; whether user errors take the region out. */
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
  /** The Route 53 health check on this region's health route (not to be confused with the API's health function). */
  readonly route53HealthCheck: ApiHealthCheck;
  /** With error-rate eviction: the served route's alarms and checks. */
  readonly servedRouteEviction?: ServedRouteEviction;
  /** The check the latency records carry: the health route's own, or with error-rate eviction one over all of them. */
  readonly dnsHealthCheck: { readonly healthCheckId: string };
  readonly records: LatencyRecords;
  private readonly provider: AwsProvider;

  constructor(scope: Construct, id: string, props: RegionalFrontDoorProps) {
    super(scope, id);
    const { api, provider } = props;
    this.provider = provider;
    this.certificate = new ValidatedCertificate(this, 'certificate', {
      provider,
      domainName: props.domainName,
      alternativeNames: props.regionalHostname ? [props.regionalHostname] : [],
      validationRecordFqdns: props.validationRecordFqdns,
    });
    this.domain = this.addDomain('domain', props.domainName, api);
    if (props.regionalHostname) this.hostname = this.addHostname(props.regionalHostname, props.hostedZoneId, api);
    // Neither form probes the shared name, which whichever region is closest to the checker would answer. The
    // region's own hostname takes the users' path (DNS, certificate, custom domain, mapping, stage, function); the
    // execute-api host skips the first four.
    const probe = {
      provider,
      fqdn: this.hostname?.name ?? api.executeApiHost,
      healthCheck: props.healthCheck,
      // Pointed at the hostname only once it is served, so a live stack's checks never probe a name not yet there.
      dependsOn: this.hostname ? [this.hostname.domain.mapping, ...this.hostname.records.records] : undefined,
    };
    const pathTo = (route: string) => `/${this.hostname ? BASE_PATH : STAGE_NAME}/${route}`;
    this.route53HealthCheck = new ApiHealthCheck(this, 'health-check', {
      ...probe, resourcePath: pathTo(HEALTH_PATH), name: props.healthCheckName,
    });
    this.dnsHealthCheck = this.route53HealthCheck;
    if (props.healthCheck.errorRate.enabled) {
      this.servedRouteEviction = new ServedRouteEviction(this, 'error-rate', {
        ...probe, api, namePrefix: props.namePrefix, servedPath: pathTo(HELLO_PATH), errorRate: props.healthCheck.errorRate,
        name: props.healthCheckName,
      });
      const children = [this.route53HealthCheck, ...this.servedRouteEviction.checks];
      this.dnsHealthCheck = new CalculatedHealthCheck(this, 'dns-health-check', {
        provider, childHealthCheckIds: children.map((check) => check.healthCheckId), healthyChildren: children.length,
        name: `${props.healthCheckName}-dns`,
      });
    }
    this.records = new LatencyRecords(this, 'latency-records', {
      provider,
      zoneId: props.hostedZoneId,
      name: props.domainName,
      region: api.region,
      healthCheckId: this.dnsHealthCheck.healthCheckId,
      targetDomainName: this.domain.targetDomainName,
      targetZoneId: this.domain.targetZoneId,
      dns: props.dns,
    });
  }

  private addDomain(id: string, domainName: string, api: RegionalApi): RegionalDomain {
    return new RegionalDomain(this, id, {
      provider: this.provider,
      domainName,
      certificateArn: this.certificate.validatedArn,
      restApiId: api.restApi.id,
      stageName: api.stage.stageName,
    });
  }

  private addHostname(name: string, zoneId: string, api: RegionalApi): RegionalHostname {
    const domain = this.addDomain('hostname-domain', name, api);
    const records = new RegionalHostnameRecords(this, 'hostname-records', {
      provider: this.provider,
      zoneId,
      name,
      targetDomainName: domain.targetDomainName,
      targetZoneId: domain.targetZoneId,
    });
    return { name, domain, records };
  }
}
