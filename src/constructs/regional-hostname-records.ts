import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';
import { aliasRecordPair } from './alias-records';

export interface RegionalHostnameRecordsProps {
  /** Route 53 is global; the region's provider keeps every regional resource on its own provider. */
  readonly provider: AwsProvider;
  readonly zoneId: string;
  /** The region's own name, e.g. `us-east-1.api.example.com`. */
  readonly name: string;
  /** The regional custom domain's target name, `d-xxxx.execute-api.<region>.amazonaws.com`. */
  readonly targetDomainName: string;
  /** The hosted zone of `targetDomainName`. */
  readonly targetZoneId: string;
}

/**
 * Simple (not latency-routed, not health-checked) ALIAS A + AAAA records sending one region's own hostname to that
 * region's custom domain: the name always reaches this region, which is what lets Route 53 check it alone.
 */
export class RegionalHostnameRecords extends Construct {
  readonly records: readonly Route53Record[];

  constructor(scope: Construct, id: string, props: RegionalHostnameRecordsProps) {
    super(scope, id);
    this.records = aliasRecordPair(this, {
      provider: props.provider,
      zoneId: props.zoneId,
      name: props.name,
      alias: { name: props.targetDomainName, zoneId: props.targetZoneId, evaluateTargetHealth: false },
    });
  }
}
