import { AcmCertificate } from '@cdktf/provider-aws/lib/acm-certificate';
import { AcmCertificateValidation } from '@cdktf/provider-aws/lib/acm-certificate-validation';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';

export interface ValidatedCertificateProps {
  /** The aliased provider of the region the certificate is issued in (API Gateway needs it in its own region). */
  readonly provider: AwsProvider;
  /** The certificate's first name (ACM limits it to 64 characters). */
  readonly domainName: string;
  /**
   * Further names the certificate covers. Changing them replaces the certificate (create before destroy: the custom
   * domains move to the issued replacement in place, then the old one is deleted). @default none
   */
  readonly alternativeNames?: readonly string[];
  /** FQDNs of the DNS validation records; the validation waits until ACM sees them. */
  readonly validationRecordFqdns: string[];
}

/** A DNS-validated ACM certificate in one region, and the wait for it to be issued. */
export class ValidatedCertificate extends Construct {
  readonly certificate: AcmCertificate;
  readonly validation: AcmCertificateValidation;
  /** The ARN read through the validation, so whoever uses it waits until the certificate is issued. */
  readonly validatedArn: string;

  constructor(scope: Construct, id: string, props: ValidatedCertificateProps) {
    super(scope, id);
    const { provider } = props;

    this.certificate = new AcmCertificate(this, 'certificate', {
      provider,
      domainName: props.domainName,
      validationMethod: 'DNS',
      ...(props.alternativeNames?.length ? { subjectAlternativeNames: [...props.alternativeNames] } : {}),
      // The custom domain holds the certificate; a replacement must exist before the old one can be let go.
      lifecycle: { createBeforeDestroy: true },
    });
    this.validation = new AcmCertificateValidation(this, 'validation', {
      provider,
      certificateArn: this.certificate.arn,
      validationRecordFqdns: props.validationRecordFqdns,
    });
    this.validatedArn = this.validation.certificateArn;
  }
}
