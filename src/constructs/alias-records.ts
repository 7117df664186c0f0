import { Route53Record, Route53RecordConfig } from '@cdktf/provider-aws/lib/route53-record';
import { Construct } from 'constructs';

/** An ALIAS answer for both address families: records `a` (A) and `aaaa` (AAAA) in `scope`, alike but for type. */
export function aliasRecordPair(scope: Construct, config: Omit<Route53RecordConfig, 'type'>): Route53Record[] {
  return [
    new Route53Record(scope, 'a', { ...config, type: 'A' }),
    new Route53Record(scope, 'aaaa', { ...config, type: 'AAAA' }),
  ];
}
