import { CertificateValidationRecords } from '../../../src/constructs/certificate-validation-records';
import { ValidatedCertificate } from '../../../src/constructs/validated-certificate';
import { ref, resourcesOf, synthConstructs } from '../../helpers/synth';

describe('ValidatedCertificate with CertificateValidationRecords', () => {
  const stack = synthConstructs((scope, provider) => {
    const cert = new ValidatedCertificate(scope, 'cert', { provider, domainName: 'api.example.com', validationRecordFqdns: [] });
    const records = new CertificateValidationRecords(scope, 'records', { provider, certificate: cert.certificate, zoneId: 'Z1' });
    new ValidatedCertificate(scope, 'second', { provider, domainName: 'api.example.com', validationRecordFqdns: records.fqdns });
  });
  const certs = resourcesOf(stack, 'aws_acm_certificate');
  const [[recordId, record]] = resourcesOf(stack, 'aws_route53_record');

  test('a DNS-validated certificate replaced before the old one goes (the custom domain holds it)', () => {
    expect(certs[0][1]).toMatchObject({
      domain_name: 'api.example.com', validation_method: 'DNS', lifecycle: { create_before_destroy: true },
    });
  });

  test('the validation waits for its own certificate and the given record FQDNs', () => {
    const validations = resourcesOf(stack, 'aws_acm_certificate_validation').map(([, v]) => v);
    expect(validations.map((v) => v.certificate_arn)).toEqual(certs.map(([id]) => ref('aws_acm_certificate', id, 'arn')));
    expect(validations[1].validation_record_fqdns).toBe(`\${[ for key, val in aws_route53_record.${recordId}: val.fqdn]}`);
  });

  test('records: for_each over the validation options keyed by domain name, overwriting an existing record', () => {
    expect(record.for_each).toBe(`\${{ for key, val in tolist(aws_acm_certificate.${certs[0][0]}.domain_validation_options): val.domain_name => val }}`);
    expect(record).toMatchObject({ zone_id: 'Z1', allow_overwrite: true, ttl: 60, records: ['${each.value.resource_record_value}'] });
  });
});
