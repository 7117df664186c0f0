import { block } from '../../stack-model/references';
import { Block } from '../../stack-model/terraform-json';
import { bucketRule, partsOf } from './s3-bucket-parts';

export const s3Encryption = bucketRule({
  id: 'MRA-S3-ENCRYPTION',
  description: 'S3 buckets state their default encryption (SSE-S3 or SSE-KMS) explicitly',
  fix: 'Add aws_s3_bucket_server_side_encryption_configuration { bucket, rule { apply_server_side_encryption_by_default '
    + '{ sse_algorithm = "aws:kms" or "AES256" } } }',
}, (stack, bucket) => {
  const encrypted = partsOf(stack, 'aws_s3_bucket_server_side_encryption_configuration', bucket).some((part) => {
    const rules = Array.isArray(part.body.rule) ? part.body.rule : [part.body.rule];
    return rules.some((rule) => {
      const algorithm = block((rule as Block | undefined)?.apply_server_side_encryption_by_default)?.sse_algorithm;
      return typeof algorithm === 'string' && algorithm.length > 0;
    });
  });
  return encrypted ? undefined : 'has no aws_s3_bucket_server_side_encryption_configuration with an sse_algorithm';
});
