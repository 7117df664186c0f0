import { ApiGatewayBasePathMapping } from '@cdktf/provider-aws/lib/api-gateway-base-path-mapping';
import { ApiGatewayDomainName } from '@cdktf/provider-aws/lib/api-gateway-domain-name';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { BASE_PATH } from '../contract';

export interface RegionalDomainProps {
  /** The aliased provider of the API's region. */
  readonly provider: AwsProvider;
  /** The public name, the same in every region. */
  readonly domainName: string;
  /** An issued ACM certificate for `domainName` in the same region. */
  readonly certificateArn: string;
  readonly restApiId: string;
  readonly stageName: string;
  /** @default 'v1' */
  readonly basePath?: string;
}

/** A REGIONAL, dual-stack API Gateway custom domain (TLS 1.2) mapping `basePath` to one stage of one REST API. */
export class RegionalDomain extends Construct {
  readonly domain: ApiGatewayDomainName;
  readonly mapping: ApiGatewayBasePathMapping;

  constructor(scope: Construct, id: string, props: RegionalDomainProps) {
    super(scope, id);
    const { provider } = props;

    this.domain = new ApiGatewayDomainName(this, 'domain-name', {
      provider,
      domainName: props.domainName,
      // Dual-stack, so the AAAA alias records have IPv6 addresses to answer with (the default is IPv4 only).
      endpointConfiguration: { types: ['REGIONAL'], ipAddressType: 'dualstack' },
      regionalCertificateArn: props.certificateArn,
      securityPolicy: 'TLS_1_2',
    });
    this.mapping = new ApiGatewayBasePathMapping(this, 'base-path-mapping', {
      provider,
      domainName: this.domain.domainName,
      apiId: props.restApiId,
      stageName: props.stageName,
      basePath: props.basePath ?? BASE_PATH,
    });
  }

  /** The name Route 53 aliases (or CNAMEs) to: `d-xxxx.execute-api.<region>.amazonaws.com`. */
  get targetDomainName(): string {
    return this.domain.regionalDomainName;
  }

  /** The hosted zone of that target, for ALIAS records. */
  get targetZoneId(): string {
    return this.domain.regionalZoneId;
  }
}
