import { block } from '../../stack-model/references';
import { bucketRule, partsOf } from './s3-bucket-parts';

/** Versions are how a corrupted or deleted Terraform state is recovered. */
export const s3Versioning = bucketRule({
  id: 'MRA-S3-VERSIONING',
  description: 'S3 buckets (the Terraform state bucket) keep object versions',
  fix: 'Add aws_s3_bucket_versioning { bucket, versioning_configuration { status = "Enabled" } }',
}, (stack, bucket) => {
  const enabled = partsOf(stack, 'aws_s3_bucket_versioning', bucket)
    .some((part) => block(part.body.versioning_configuration)?.status === 'Enabled');
  return enabled ? undefined : 'has no aws_s3_bucket_versioning with status "Enabled"';
});
