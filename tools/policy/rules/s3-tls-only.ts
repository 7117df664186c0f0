import { parsePolicyDocument } from '../policy-document';
import { block, referencesIn } from '../../stack-model/references';
import { Block } from '../../stack-model/terraform-json';
import { StackModel } from '../../stack-model/stack-model';
import { bucketRule, partsOf } from './s3-bucket-parts';

/** Terraform state holds secrets: a request over plain HTTP must be refused, not merely unlikely. */
export const s3TlsOnly = bucketRule({
  id: 'MRA-S3-TLS-ONLY',
  description: 'S3 bucket policies deny every request not made over TLS (aws:SecureTransport = false)',
  fix: 'Add aws_s3_bucket_policy with a statement { Effect = "Deny", Principal = "*", Action = "s3:*", Resource = '
    + '[bucket arn, bucket arn/*], Condition = { Bool = { "aws:SecureTransport" = "false" } } }',
}, (stack, bucket) => {
  const policies = partsOf(stack, 'aws_s3_bucket_policy', bucket);
  if (policies.length === 0) return 'has no aws_s3_bucket_policy';
  return policies.some((policy) => deniesPlainHttp(stack, policy.body.policy))
    ? undefined
    : 'its bucket policy does not deny s3:* when aws:SecureTransport is false';
});

/** Reads the policy as JSON or jsonencode({...}), or from the aws_iam_policy_document data source it refers to. */
function deniesPlainHttp(stack: StackModel, policy: unknown): boolean {
  if (typeof policy !== 'string') return false;
  const document = parsePolicyDocument(policy);
  if (document) {
    const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
    return statements.some((statement) => jsonStatementDenies(block(statement) ?? {}));
  }
  return referencesIn(policy).some((address) => {
    const source = stack.resourceAt(address);
    if (source?.type !== 'aws_iam_policy_document') return false;
    const statements = Array.isArray(source.body.statement) ? source.body.statement : [source.body.statement];
    return statements.some((statement) => documentStatementDenies(block(statement) ?? {}));
  });
}

function jsonStatementDenies(statement: Block): boolean {
  const actions = [statement.Action].flat();
  const secure = block(block(statement.Condition)?.Bool)?.['aws:SecureTransport'];
  return statement.Effect === 'Deny' && (actions.includes('s3:*') || actions.includes('*'))
    && [secure].flat().map(String).includes('false');
}

function documentStatementDenies(statement: Block): boolean {
  const actions = [statement.actions].flat();
  const conditions = [statement.condition].flat().map((condition) => block(condition) ?? {});
  return statement.effect === 'Deny' && (actions.includes('s3:*') || actions.includes('*'))
    && conditions.some((c) => c.test === 'Bool' && c.variable === 'aws:SecureTransport'
      && [c.values].flat().map(String).includes('false'));
}
