import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { DnsConfig } from '../config/types';
import { aliasRecordPair } from './alias-records';

export interface LatencyRecordsProps {
  /** Route 53 is global; the region's provider keeps every regional resource on its own provider. */
  readonly provider: AwsProvider;
  readonly zoneId: string;
  /** The public name answered by latency, e.g. `api.example.com`. */
  readonly name: string;
  /** The AWS region this answer serves; also its set identifier. */
  readonly region: string;
  /** The health check that takes this answer out of rotation while the region is unhealthy. */
  readonly healthCheckId: string;
  /** The regional custom domain's target name, `d-xxxx.execute-api.<region>.amazonaws.com`. */
  readonly targetDomainName: string;
  /** The hosted zone of `targetDomainName` (ALIAS only). */
  readonly targetZoneId: string;
  /** ALIAS A + AAAA records, or one CNAME (the blog's form) with its TTL; ALIAS answers always carry 60 s. */
  readonly dns: DnsConfig;
}

/** One region's latency-routed answer for the public name, carrying that region's health check. */
export class LatencyRecords extends Construct {
  readonly records: readonly Route53Record[];

  constructor(scope: Construct, id: string, props: LatencyRecordsProps) {
    super(scope, id);
    const common = {
      provider: props.provider,
      zoneId: props.zoneId,
      name: props.name,
      setIdentifier: props.region,
      latencyRoutingPolicy: { region: props.region },
      healthCheckId: props.healthCheckId,
    };

    if (props.dns.recordType === 'CNAME') {
      this.records = [new Route53Record(this, 'cname', {
        ...common, type: 'CNAME', ttl: props.dns.ttl, records: [props.targetDomainName],
      })];
      return;
    }
    // The health check decides; evaluating the target's health as well would add nothing for API Gateway.
    this.records = aliasRecordPair(this, {
      ...common, alias: { name: props.targetDomainName, zoneId: props.targetZoneId, evaluateTargetHealth: false },
    });
  }
}
