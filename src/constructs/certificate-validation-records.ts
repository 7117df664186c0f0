import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Route53Record } from '@cdktf/provider-aws/lib/route53-record';
import { Fn, TerraformIterator, Token } from 'cdktf';
import { Construct } from 'constructs';

export const VALIDATION_RECORD_TTL = 60;

export interface CertificateValidationRecordsProps {
  /**
   * Every region's certificate. ACM asks for the same CNAME for a name in every region of an account, so a name the
   * certificates share (the public name) gets one record, and each name only one certificate has (a region's own
   * hostname) one more.
   */
  readonly certificates: readonly AcmCertificate[];
  /** Every name the certificates cover, known at synth time: the records' keys. */
  readonly names: readonly string[];
  /** The public hosted zone that holds the certificate's names. */
  readonly zoneId: string;
  readonly provider: AwsProvider;
}

/**
 * The ACM DNS-validation CNAMEs, one per distinct name across the certificates, created once for all of them.
 * `domain_validation_options` is a set, so the records are a `for_each` keyed by domain name, never an index: the
 * options of every certificate are merged into one map by name (a shared name's identical options collapse).
 */
export class CertificateValidationRecords extends Construct {
  readonly records: Route53Record;
  /** The records' FQDNs, for `aws_acm_certificate_validation.validation_record_fqdns`. */
  readonly fqdns: string[];

  constructor(scope: Construct, id: string, props: CertificateValidationRecordsProps) {
    super(scope, id);
    const byName = Fn.merge(props.certificates.map((certificate) => TerraformIterator.fromMap(certificate.domainValidationOptions)
      .forExpressionForMap('val.domain_name', 'val')));
    // Keyed by the names as written, not by the options' domain_name: a new certificate's options are only partly
    // known at plan time, and Terraform refuses for_each keys derived from them once a certificate has two names.
    const name = TerraformIterator.fromList([...new Set(props.names)]);
    const option = (attribute: string) => Token.asString(Fn.lookupNested(byName, [name.value, attribute]));

    this.records = new Route53Record(this, 'record', {
      provider: props.provider,
      forEach: name,
      zoneId: props.zoneId,
      name: option('resource_record_name'),
      type: option('resource_record_type'),
      records: [option('resource_record_value')],
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

  /**
   * The FQDNs of the records for `names` only: a certificate that waits on these alone is not touched when another
   * region's certificate (and its own hostname's record) comes or goes.
   */
  fqdnsFor(names: readonly string[]): string[] {
    return names.map((name) => Token.asString(Fn.lookupNested(Token.asAny(this.records.fqn), [name, 'fqdn'])));
  }
}
