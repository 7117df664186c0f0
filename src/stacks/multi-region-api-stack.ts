import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AssetType, Lazy, TerraformAsset, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { handlerArchive } from '../bundling';
import { MultiRegionConfig } from '../config/types';
import { regionalHostname } from '../config/regional-hostname';
import { CertificateExpiryAlarm } from '../constructs/certificate-expiry-alarm';
import { CertificateValidationRecords } from '../constructs/certificate-validation-records';
import { HealthCheckAlarms, ROUTE53_METRICS_REGION } from '../constructs/health-check-alarms';
import { RegionalApi } from '../constructs/regional-api';
import { RegionalFrontDoor } from '../constructs/regional-front-door';
import { errorRateSeconds, failoverSeconds } from '../contract';
import { declareApiOutputs } from './api-outputs';
import { useStateBackend } from './backend';
import { forgetFormerAccountSetting } from './former-account-setting';

export interface MultiRegionApiStackProps {
  readonly config: MultiRegionConfig;
}

/** Everything one configured region deploys, through the provider aliased to it. */
export interface RegionDeployment {
  readonly region: string;
  readonly provider: AwsProvider;
  readonly api: RegionalApi;
  readonly frontDoor: RegionalFrontDoor;
  readonly certificateAlarm: CertificateExpiryAlarm;
}

/** The two handler archives every region deploys. */
interface HandlerCode {
  readonly helloWorld: TerraformAsset;
  readonly healthFunction: TerraformAsset;
}

/**
 * The whole system: per configured region an aliased AWS provider, a RegionalApi, a RegionalFrontDoor (certificate,
 * custom domain, health checks, latency records) and a certificate-expiry alarm; once, the certificates' DNS
 * validation records, the health alarms in us-east-1, and the outputs.
 */
export class MultiRegionApiStack extends TerraformStack {
  readonly providers: ReadonlyMap<string, AwsProvider>;
  /** In the config's order. */
  readonly regions: readonly RegionDeployment[];
  readonly validationRecords: CertificateValidationRecords;
  readonly alarms: HealthCheckAlarms;

  constructor(scope: Construct, id: string, props: MultiRegionApiStackProps) {
    super(scope, id);
    const { config } = props;
    useStateBackend(this, config.state);
    const code = this.addHandlerCode();
    this.providers = this.addProviders(config);
    this.regions = config.regions.map((region) => this.addRegion(region, config, code));

    // Route 53 publishes health-check metrics only in us-east-1, so the alarms get a provider of their own there,
    // whether or not us-east-1 is a configured region (its alias keeps it apart from a regional aws.us-east-1).
    // Global resources (Route 53 validation records) live on it too, never on a region that can move or retire.
    const monitoring = new AwsProvider(this, 'aws-monitoring', {
      region: ROUTE53_METRICS_REGION, alias: `${ROUTE53_METRICS_REGION}-monitoring`, defaultTags: [{ tags: { ...config.tags } }],
    });
    // In region-code order, so reordering `regions` leaves the records' expressions as they were.
    const doors = this.regions.map((r) => r.frontDoor).sort((a, b) => a.node.id.localeCompare(b.node.id));
    this.validationRecords = new CertificateValidationRecords(this, 'certificate-validation-records', {
      provider: monitoring,
      certificates: doors.map((door) => door.certificate.certificate),
      names: [config.domainName, ...doors.flatMap((door) => (door.hostname ? [door.hostname.name] : []))],
      zoneId: config.hostedZoneId,
    });
    this.alarms = new HealthCheckAlarms(this, 'health-check-alarms', {
      provider: monitoring,
      namePrefix: config.namePrefix,
      healthChecks: this.regions.map(({ region, frontDoor }) => ({ region, healthCheckId: frontDoor.dnsHealthCheck.healthCheckId })),
      emails: config.alarms.emails,
    });

    forgetFormerAccountSetting(this, [...config.regions, ...config.retiredRegions]);
    const { errorRate } = config.healthCheck;
    declareApiOutputs(this, {
      domainName: config.domainName,
      failoverSeconds: failoverSeconds(config.healthCheck, config.dns),
      errorRateSeconds: errorRate.enabled ? errorRateSeconds(errorRate, config.dns) : undefined,
      regions: this.regions,
    });
  }

  /** Zipped in-process and copied as a FILE: an ARCHIVE asset makes cdktf start a Node child per archive (~40% of synth). */
  private addHandlerCode(): HandlerCode {
    return {
      helloWorld: new TerraformAsset(this, 'hello-world-code', { path: handlerArchive('hello-world'), type: AssetType.FILE }),
      healthFunction: new TerraformAsset(this, 'health-check-code', { path: handlerArchive('health-check'), type: AssetType.FILE }),
    };
  }

  /** A retired region keeps its provider for one apply, with no resources: the plan destroys what it had. */
  private addProviders(config: MultiRegionConfig): ReadonlyMap<string, AwsProvider> {
    return new Map([...config.regions, ...config.retiredRegions].map((region) => [region, new AwsProvider(this, `aws-${region}`, {
      region, alias: region, defaultTags: [{ tags: { ...config.tags } }],
    })]));
  }

  private addRegion(region: string, config: MultiRegionConfig, code: HandlerCode): RegionDeployment {
    const provider = this.providers.get(region)!;
    const api = new RegionalApi(this, `region-${region}`, {
      region,
      provider,
      namePrefix: config.namePrefix,
      helloWorldCode: code.helloWorld,
      healthFunctionCode: code.healthFunction,
      lambda: config.lambda,
      healthCheck: config.healthCheck,
      cors: config.cors,
      api: config.api,
    });
    const hostname = config.healthCheck.target === 'hostname'
      ? regionalHostname(config.healthCheck.regionalHostname, region, config.domainName) : undefined;
    // The validation records are made from every region's certificate, which is itself made by this loop; the lazy
    // list resolves at synth time to the records of this certificate's own names, so adding or retiring another
    // region leaves this region's validation as it is.
    const names = [config.domainName, ...(hostname ? [hostname] : [])];
    const frontDoor = new RegionalFrontDoor(this, `front-door-${region}`, {
      api,
      provider,
      domainName: config.domainName,
      hostedZoneId: config.hostedZoneId,
      validationRecordFqdns: Lazy.listValue({ produce: () => this.validationRecords.fqdnsFor(names) }),
      namePrefix: config.namePrefix,
      healthCheckName: `${config.namePrefix}-${region}`,
      healthCheck: config.healthCheck,
      dns: config.dns,
      regionalHostname: hostname,
    });
    // ACM's metric is published in the certificate's region, and an alarm can notify only a topic in its own region.
    const certificateAlarm = new CertificateExpiryAlarm(this, `certificate-expiry-${region}`, {
      provider,
      namePrefix: config.namePrefix,
      region,
      certificateArn: frontDoor.certificate.certificate.arn,
      emails: config.alarms.emails,
    });
    return { region, provider, api, frontDoor, certificateAlarm };
  }
}
