import { parsePolicyDocument } from '../../../tools/policy/policy-document';

describe('parsePolicyDocument', () => {
  test('literal JSON', () => {
    expect(parsePolicyDocument('{"Statement":[{"Effect":"Allow"}]}')).toEqual({ Statement: [{ Effect: 'Allow' }] });
  });

  test('the jsonencode({...}) expression cdktf writes for Fn.jsonencode, references kept as interpolations', () => {
    // Exactly what cdktf 0.21 synthesizes for Fn.jsonencode of a TLS-only bucket policy.
    const hcl = '${jsonencode({"Version" = "2012-10-17", "Statement" = [{"Sid" = "D", "Effect" = "Deny", "Principal" = "*", '
      + '"Action" = "s3:*", "Resource" = [aws_s3_bucket.b.arn, "${aws_s3_bucket.b.arn}/*"], '
      + '"Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}}], "Enabled" = true})}';
    expect(parsePolicyDocument(hcl)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'D', Effect: 'Deny', Principal: '*', Action: 's3:*',
        Resource: ['${aws_s3_bucket.b.arn}', '${aws_s3_bucket.b.arn}/*'],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }],
      Enabled: true,
    });
  });

  test('a string with = and quotes inside an interpolation survives', () => {
    expect(parsePolicyDocument('${jsonencode({"a" = "x=${lookup(var.m, "k")}"})}')).toEqual({ a: 'x=${lookup(var.m, "k")}' });
  });

  test('references with index and splat traversals, at the end of a tuple', () => {
    expect(parsePolicyDocument('${jsonencode({"r" = [aws_s3_bucket.b[0].arn, aws_iam_role.r[*].arn]})}'))
      .toEqual({ r: ['${aws_s3_bucket.b[0].arn}', '${aws_iam_role.r[*].arn}'] });
  });

  test('anything else is unreadable', () => {
    expect(parsePolicyDocument('${data.aws_iam_policy_document.d.json}')).toBeUndefined();
    expect(parsePolicyDocument('["not", "an object"]')).toBeUndefined();
  });
});
