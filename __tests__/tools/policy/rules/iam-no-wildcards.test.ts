import { iamNoWildcards } from '../../../../tools/policy/rules/iam-no-wildcards';
import { fixture, violationsOf } from '../../../helpers/policy';

function rolePolicy(...statements: object[]) {
  return { policy: JSON.stringify({ Version: '2012-10-17', Statement: statements }) };
}

describe('MRA-IAM-WILDCARD', () => {
  test('named actions on named resources, X-Ray writes on "*", and Deny statements comply', () => {
    const stack = fixture({
      aws_iam_role_policy: {
        logs: rolePolicy({ Effect: 'Allow', Action: ['logs:PutLogEvents'], Resource: '${aws_cloudwatch_log_group.g.arn}:*' }),
        xray: rolePolicy({ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }),
      },
      aws_iam_policy: { deny: rolePolicy({ Effect: 'Deny', Action: '*', Resource: '*' }) },
    });
    expect(violationsOf(iamNoWildcards, stack)).toEqual([]);
  });

  test('"*" and "svc:*" actions, "*" resources, NotAction and unreadable policies are reported', () => {
    const stack = fixture({
      aws_iam_role_policy: {
        admin: rolePolicy({ Sid: 'All', Effect: 'Allow', Action: '*', Resource: '*' }),
        s3: rolePolicy({ Effect: 'Allow', Action: ['s3:*'], Resource: 'arn:aws:s3:::b' }),
        star: rolePolicy({ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'logs:PutLogEvents'], Resource: ['*'] }),
        not: rolePolicy({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' }),
        opaque: { policy: '${data.aws_iam_policy_document.d.json}' },
        encoded: { policy: '${jsonencode({"Statement" = [{"Effect" = "Allow", "Action" = ["s3:*"], "Resource" = aws_s3_bucket.b.arn}]})}' },
      },
      aws_iam_role: { inline: { inline_policy: [rolePolicy({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' })] } },
    });
    expect(violationsOf(iamNoWildcards, stack)).toEqual([
      ['aws_iam_role_policy.admin', 'Statement[0] (All) allows every action of *'],
      ['aws_iam_role_policy.admin', 'Statement[0] (All) allows * on Resource "*"'],
      ['aws_iam_role_policy.s3', 'Statement[0] allows every action of s3:*'],
      ['aws_iam_role_policy.star', 'Statement[0] allows logs:PutLogEvents on Resource "*"'],
      ['aws_iam_role_policy.not', 'Statement[0] uses NotAction'],
      ['aws_iam_role_policy.opaque', expect.stringContaining('is neither JSON nor jsonencode')],
      ['aws_iam_role_policy.encoded', 'Statement[0] allows every action of s3:*'],
      ['aws_iam_role.inline', 'Statement[0] allows sqs:SendMessage on Resource "*"'],
    ]);
  });
});
