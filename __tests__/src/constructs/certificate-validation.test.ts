import { CertificateValidationRecords } from '../../../src/constructs/certificate-validation-records';
import { ValidatedCertificate } from '../../../src/constructs/validated-certificate';
import { ref, resourcesOf, synthConstructs } from '../../helpers/synth';

describe('ValidatedCertificate with CertificateValidationRecords', () => {
  const stack = synthConstructs((scope, provider) => {
    const east = new ValidatedCertificate(scope, 'east', {
      provider, domainName: 'api.example.com', alternativeNames: ['us-east-1.api.example.com'], validationRecordFqdns: [],
    });
    const west = new ValidatedCertificate(scope, 'west', {
      provider, domainName: 'api.example.com', alternativeNames: ['us-west-2.api.example.com'], validationRecordFqdns: [],
    });
    const records = new CertificateValidationRecords(scope, 'records', { provider, certificates: [east.certificate, west.certificate], zoneId: 'Z1',
      names: ['api.example.com', 'us-east-1.api.example.com', 'us-west-2.api.example.com', 'api.example.com'], });
    new ValidatedCertificate(scope, 'shared-only', { provider, domainName: 'api.example.com', validationRecordFqdns: records.fqdns });
  });
  const certs = resourcesOf(stack, 'aws_acm_certificate');
  const idOf = (prefix: string) => certs.find(([id]) => id.startsWith(prefix))![0];
  const validationOf = (prefix: string) => resourcesOf(stack, 'aws_acm_certificate_validation').find(([id]) => id.startsWith(prefix))![1];
  const [[recordId, record]] = resourcesOf(stack, 'aws_route53_record');

  test('a DNS-validated certificate replaced before the old one goes (the custom domains hold it)', () => {
    expect(certs.find(([id]) => id === idOf('east'))![1]).toMatchObject({
      domain_name: 'api.example.com', subject_alternative_names: ['us-east-1.api.example.com'],
      validation_method: 'DNS', lifecycle: { create_before_destroy: true },
    });
    expect(certs.find(([id]) => id === idOf('shared-only'))![1]).not.toHaveProperty('subject_alternative_names');
  });

  test('the validation waits for its own certificate and the given record FQDNs', () => {
    const validations = resourcesOf(stack, 'aws_acm_certificate_validation').map(([, v]) => v);
    expect(validations.map((v) => v.certificate_arn)).toEqual(certs.map(([id]) => ref('aws_acm_certificate', id, 'arn')));
    expect(validationOf('shared-only').validation_record_fqdns).toBe(`\${[ for key, val in aws_route53_record.${recordId}: val.fqdn]}`);
  });

  test('records: one per distinct name (keys known at plan time), values from every certificate\'s options merged by name', () => {
    const byName = (id: string) => `{ for key, val in tolist(aws_acm_certificate.${id}.domain_validation_options): val.domain_name => val }`;
    expect(record.for_each).toBe('${toset(["api.example.com", "us-east-1.api.example.com", "us-west-2.api.example.com"])}');
    const merged = `merge(${byName(idOf('east'))}, ${byName(idOf('west'))})`;
    expect(record).toMatchObject({
      zone_id: 'Z1', allow_overwrite: true, ttl: 60,
      name: `\${${merged}[each.value].resource_record_name}`,
      records: [`\${${merged}[each.value].resource_record_value}`],
    });
  });
});
