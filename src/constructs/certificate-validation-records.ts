import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';

export const VALIDATION_RECORD_TTL = 60;

export interface CertificateValidationRecordsProps {
  /** Any one certificate for the name: ACM asks for the same CNAME in every region of an account. */
  readonly certificate: AcmCertificate;
  /** The public hosted zone that holds the certificate's names. */
  readonly zoneId: string;
  readonly provider: AwsProvider;
}

/**
 * The ACM DNS-validation CNAMEs, one per name of the certificate, created once for every region's certificate.
 * `domain_validation_options` is a set, so the records are a `for_each` keyed by domain name, never an index.
 */
export class CertificateValidationRecords extends Construct {
  readonly records: Route53Record;
  /** The records' FQDNs, for `aws_acm_certificate_validation.validation_record_fqdns`. */
  readonly fqdns: string[];

  constructor(scope: Construct, id: string, props: CertificateValidationRecordsProps) {
    super(scope, id);
    const option = TerraformIterator.fromComplexList(props.certificate.domainValidationOptions, 'domain_name');

    this.records = new Route53Record(this, 'record', {
      provider: props.provider,
      forEach: option,
      zoneId: props.zoneId,
      name: option.getString('resource_record_name'),
      type: option.getString('resource_record_type'),
      records: [option.getString('resource_record_value')],
      ttl: VALIDATION_RECORD_TTL,
      // The record may already exist: from an earlier certificate for the name, or another stack validating it.
      allowOverwrite: true,
      // ACM's CNAME for a name never changes within an account, whichever certificate it is read from: when the
      // certificate read changes (a region added or retired), its values may be unknown until apply, which would
      // replace the record and every certificate validation. The record keeps what it was created with.
      lifecycle: { ignoreChanges: ['name', 'type', 'records'] },
    });
    this.fqdns = Token.asList(TerraformIterator.fromResources(this.records).pluckProperty('fqdn'));
  }
}
