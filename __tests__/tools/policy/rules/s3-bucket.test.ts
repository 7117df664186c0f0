import { s3Encryption } from '../../../../tools/policy/rules/s3-encryption';
import { s3PublicAccessBlock } from '../../../../tools/policy/rules/s3-public-access-block';
import { s3TlsOnly } from '../../../../tools/policy/rules/s3-tls-only';
import { s3Versioning } from '../../../../tools/policy/rules/s3-versioning';
import { fixture, violationsOf } from '../../../helpers/policy';

const ref = '${aws_s3_bucket.state.id}';
const denyPlainHttp = {
  Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: ['${aws_s3_bucket.state.arn}', '${aws_s3_bucket.state.arn}/*'],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
};
const hardened = {
  aws_s3_bucket: { state: { bucket: 'tf-state' } },
  aws_s3_bucket_versioning: { v: { bucket: ref, versioning_configuration: { status: 'Enabled' } } },
  aws_s3_bucket_server_side_encryption_configuration: { e: { bucket: ref, rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'aws:kms' } }] } },
  aws_s3_bucket_public_access_block: { p: { bucket: 'tf-state', block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true } },
  aws_s3_bucket_policy: { tls: { bucket: ref, policy: JSON.stringify({ Version: '2012-10-17', Statement: [denyPlainHttp] }) } },
};
const bare = { aws_s3_bucket: { state: { bucket: 'tf-state' } } };
const rules = [s3Versioning, s3Encryption, s3PublicAccessBlock, s3TlsOnly];

describe('state bucket rules (MRA-S3-*)', () => {
  test.each(rules.map((rule) => [rule.id, rule]))('%s: the hardened bucket complies', (_id, rule) => {
    expect(violationsOf(rule, fixture(hardened))).toEqual([]);
  });

  test.each(rules.map((rule) => [rule.id, rule]))('%s: a bare bucket is reported', (_id, rule) => {
    expect(violationsOf(rule, fixture(bare))).toEqual([['aws_s3_bucket.state', expect.any(String)]]);
  });

  test('weak settings are reported: suspended versioning, one public-access setting off, an Allow-only policy', () => {
    const weak = fixture({
      ...hardened,
      aws_s3_bucket_versioning: { v: { bucket: ref, versioning_configuration: { status: 'Suspended' } } },
      aws_s3_bucket_public_access_block: { p: { ...hardened.aws_s3_bucket_public_access_block.p, restrict_public_buckets: false } },
      aws_s3_bucket_policy: { tls: { bucket: ref, policy: JSON.stringify({ Statement: [{ ...denyPlainHttp, Effect: 'Allow' }] }) } },
    });
    expect(violationsOf(s3Versioning, weak)).toEqual([['aws_s3_bucket.state', 'has no aws_s3_bucket_versioning with status "Enabled"']]);
    expect(violationsOf(s3PublicAccessBlock, weak)).toEqual([['aws_s3_bucket.state', 'aws_s3_bucket_public_access_block.p leaves restrict_public_buckets off']]);
    expect(violationsOf(s3TlsOnly, weak)).toEqual([['aws_s3_bucket.state', 'its bucket policy does not deny s3:* when aws:SecureTransport is false']]);
  });

  test('MRA-S3-TLS-ONLY reads a policy written with Fn.jsonencode', () => {
    const encoded = (secure: string) => fixture({
      ...hardened,
      aws_s3_bucket_policy: {
        tls: {
          bucket: ref,
          policy: `\${jsonencode({"Statement" = [{"Effect" = "Deny", "Principal" = "*", "Action" = "s3:*", "Resource" = [aws_s3_bucket.state.arn], "Condition" = {"Bool" = {"aws:SecureTransport" = "${secure}"}}}]})}`,
        },
      },
    });
    expect(violationsOf(s3TlsOnly, encoded('false'))).toEqual([]);
    expect(violationsOf(s3TlsOnly, encoded('true'))).toHaveLength(1);
  });

  test('MRA-S3-TLS-ONLY reads a policy built by an aws_iam_policy_document data source', () => {
    const statement = (values: string[]) => ({
      effect: 'Deny', actions: ['s3:*'], principals: [{ type: '*', identifiers: ['*'] }],
      condition: [{ test: 'Bool', variable: 'aws:SecureTransport', values }],
    });
    const withDocument = (values: string[]) => fixture(
      { ...hardened, aws_s3_bucket_policy: { tls: { bucket: ref, policy: '${data.aws_iam_policy_document.tls.json}' } } },
      { aws_iam_policy_document: { tls: { statement: [statement(values)] } } },
    );
    expect(violationsOf(s3TlsOnly, withDocument(['false']))).toEqual([]);
    expect(violationsOf(s3TlsOnly, withDocument(['true']))).toHaveLength(1);
  });
});
