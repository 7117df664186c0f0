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
import { failoverSeconds } from '../contract';
import { declareApiOutputs } from './api-outputs';
import { useStateBackend } from './backend';
import { forgetFormerAccountSetting } from './former-account-setting';

export interface MultiRegionApiStackProps {
  readonly config: MultiRegionConfig;
}

/**
 * The whole system: per configured region an aliased AWS provider, a RegionalApi and a RegionalFrontDoor (certificate,
 * custom domain, health check, latency record); once, the certificates' DNS validation records; the outputs.
 */
export class MultiRegionApiStack extends TerraformStack {
  readonly providers: ReadonlyMap<string, AwsProvider>;
  readonly regionalApis: readonly RegionalApi[];
  readonly frontDoors: readonly RegionalFrontDoor[];
  readonly validationRecords: CertificateValidationRecords;
  readonly alarms: HealthCheckAlarms;
  readonly certificateAlarms: readonly CertificateExpiryAlarm[];

  constructor(scope: Construct, id: string, props: MultiRegionApiStackProps) {
    super(scope, id);
    const { config } = props;
    useStateBackend(this, config.state);

    // Zipped in-process and copied as a FILE: an ARCHIVE asset makes cdktf start a Node child per archive (~40% of synth).
    const helloWorldCode = new TerraformAsset(this, 'hello-world-code', {
      path: handlerArchive('hello-world'), type: AssetType.FILE,
    });
    const healthFunctionCode = new TerraformAsset(this, 'health-check-code', {
      path: handlerArchive('health-check'), type: AssetType.FILE,
    });

    // A retired region keeps its provider for one apply, with no resources: the plan destroys what it had.
    const providers = new Map<string, AwsProvider>();
    for (const region of [...config.regions, ...config.retiredRegions]) {
      providers.set(region, new AwsProvider(this, `aws-${region}`, {
        region, alias: region, defaultTags: [{ tags: { ...config.tags } }],
      }));
    }
    this.providers = providers;

    this.regionalApis = config.regions.map((region) => new RegionalApi(this, `region-${region}`, {
      region,
      provider: providers.get(region)!,
      namePrefix: config.namePrefix,
      helloWorldCode,
      healthFunctionCode,
      lambda: config.lambda,
      healthCheck: config.healthCheck,
      cors: config.cors,
      api: config.api,
    }));

    this.frontDoors = this.regionalApis.map((api) => {
      const hostname = config.healthCheck.target === 'hostname'
        ? regionalHostname(config.healthCheck.regionalHostname, api.region, config.domainName) : undefined;
      // The validation records are made from every region's certificate, which is itself made by this loop; the
      // lazy list resolves at synth time to the records of this certificate's own names, so adding or retiring
      // another region leaves this region's validation as it is.
      const names = [config.domainName, ...(hostname ? [hostname] : [])];
      return new RegionalFrontDoor(this, `front-door-${api.region}`, {
        api,
        provider: providers.get(api.region)!,
        domainName: config.domainName,
        hostedZoneId: config.hostedZoneId,
        validationRecordFqdns: Lazy.listValue({ produce: () => this.validationRecords.fqdnsFor(names) }),
        healthCheckName: `${config.namePrefix}-${api.region}`,
        healthCheck: config.healthCheck,
        dns: config.dns,
        regionalHostname: hostname,
      });
    });
    // Route 53 publishes health-check metrics only in us-east-1, so the alarms get a provider of their own there,
    // whether or not us-east-1 is a configured region (its alias keeps it apart from a regional aws.us-east-1).
    // Global resources (Route 53 validation records) live on it too, never on a region that can move or retire.
    const monitoring = new AwsProvider(this, 'aws-monitoring', {
      region: ROUTE53_METRICS_REGION, alias: `${ROUTE53_METRICS_REGION}-monitoring`, defaultTags: [{ tags: { ...config.tags } }],
    });
    // In region-code order, so reordering `regions` leaves the records' expressions as they were.
    const doors = [...this.frontDoors].sort((a, b) => a.node.id.localeCompare(b.node.id));
    this.validationRecords = new CertificateValidationRecords(this, 'certificate-validation-records', {
      provider: monitoring,
      certificates: doors.map((door) => door.certificate.certificate),
      names: [config.domainName, ...doors.flatMap((door) => (door.hostname ? [door.hostname.name] : []))],
      zoneId: config.hostedZoneId,
    });
    this.alarms = new HealthCheckAlarms(this, 'health-check-alarms', {
      provider: monitoring,
      namePrefix: config.namePrefix,
      healthChecks: this.frontDoors.map((door, index) => ({
        region: this.regionalApis[index].region, healthCheckId: door.route53HealthCheck.healthCheckId,
      })),
      emails: config.alarms.emails,
    });
    // ACM's metric is published in the certificate's region, and an alarm can notify only a topic in its own region.
    this.certificateAlarms = this.frontDoors.map((door, index) => new CertificateExpiryAlarm(this, `certificate-expiry-${this.regionalApis[index].region}`, {
      provider: providers.get(this.regionalApis[index].region)!,
      namePrefix: config.namePrefix,
      region: this.regionalApis[index].region,
      certificateArn: door.certificate.certificate.arn,
      emails: config.alarms.emails,
    }));

    forgetFormerAccountSetting(this, [...config.regions, ...config.retiredRegions]);

    declareApiOutputs(this, {
      domainName: config.domainName,
      failoverSeconds: failoverSeconds(config.healthCheck, config.dns),
      regions: this.regionalApis.map((api, index) => ({ api, frontDoor: this.frontDoors[index] })),
    });
  }
}
