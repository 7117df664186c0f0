import { bucketRule, partsOf } from './s3-bucket-parts';

const SETTINGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

export const s3PublicAccessBlock = bucketRule({
  id: 'MRA-S3-PUBLIC-ACCESS-BLOCK',
  description: 'S3 buckets block every form of public access',
  fix: `Add aws_s3_bucket_public_access_block { bucket, ${SETTINGS.map((s) => `${s} = true`).join(', ')} }`,
}, (stack, bucket) => {
  const [block] = partsOf(stack, 'aws_s3_bucket_public_access_block', bucket);
  if (!block) return 'has no aws_s3_bucket_public_access_block';
  const off = SETTINGS.filter((setting) => block.body[setting] !== true);
  return off.length > 0 ? `${block.address} leaves ${off.join(', ')} off` : undefined;
});
