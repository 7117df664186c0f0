import { App, Testing } from 'cdktf';
import { join } from 'path';
import { S3StateConfig } from '../../../src/config/types';
import { projectRoot } from '../../../src/project-root';
import { StateBootstrapStack } from '../../../src/stacks/state-bootstrap-stack';
import { ref, resourcesOf, SynthesizedStack } from '../../helpers/synth';

const STATE: S3StateConfig = { backend: 's3', bucket: 'acme-tf-state', key: 'api.tfstate', region: 'eu-west-1' };

function synth(state: S3StateConfig = STATE): SynthesizedStack {
  const stack = new StateBootstrapStack(Testing.app() as App, 'state-bootstrap', { state, tags: { Team: 'platform' } });
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

describe('state-bootstrap stack', () => {
  const stack = synth();
  const [[bucketId, bucket]] = resourcesOf(stack, 'aws_s3_bucket');
  const only = (type: string) => {
    const found = resourcesOf(stack, type);
    expect(found).toHaveLength(1);
    expect(found[0][1].bucket).toBe(ref('aws_s3_bucket', bucketId, 'id'));
    return found[0][1];
  };

  test('keeps its own state locally, in the project root, and works in the state region', () => {
    expect(stack.terraform.backend).toEqual({ local: { path: join(projectRoot(), 'terraform.state-bootstrap.tfstate') } });
    expect(stack.provider.aws).toEqual([expect.objectContaining({ region: 'eu-west-1', default_tags: [{ tags: { Team: 'platform' } }] })]);
  });

  test('the bucket is the configured one and cannot be destroyed by terraform', () => {
    expect(bucket).toMatchObject({ bucket: 'acme-tf-state', lifecycle: { prevent_destroy: true } });
    expect(bucket).not.toHaveProperty('force_destroy', true);
  });

  test('versioned and encrypted by default', () => {
    expect(only('aws_s3_bucket_versioning').versioning_configuration).toEqual({ status: 'Enabled' });
    expect(only('aws_s3_bucket_server_side_encryption_configuration').rule)
      .toEqual([{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }]);
  });

  test('public access fully blocked, ACLs disabled', () => {
    expect(only('aws_s3_bucket_public_access_block')).toMatchObject({
      block_public_acls: true, block_public_policy: true, ignore_public_acls: true, restrict_public_buckets: true,
    });
    expect(only('aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  test('the policy denies every request not made over TLS, on the bucket and its objects', () => {
    const policy = only('aws_s3_bucket_policy').policy as string;
    const arn = `aws_s3_bucket.${bucketId}.arn`;
    expect(policy).toContain('"Effect" = "Deny"');
    expect(policy).toContain('"Principal" = "*"');
    expect(policy).toContain('"Action" = "s3:*"');
    expect(policy).toContain(`"Resource" = [${arn}, "\${${arn}}/*"]`);
    expect(policy).toContain('"Condition" = {"Bool" = {"aws:SecureTransport" = "false"}}');
  });

  test('old state versions expire after 90 days, once versioning is on', () => {
    const [[versioningId]] = resourcesOf(stack, 'aws_s3_bucket_versioning');
    const lifecycle = only('aws_s3_bucket_lifecycle_configuration');
    expect(lifecycle.rule).toEqual([expect.objectContaining({
      status: 'Enabled', filter: [{ prefix: '' }], noncurrent_version_expiration: [{ noncurrent_days: 90 }],
    })]);
    expect(lifecycle.depends_on).toEqual([`aws_s3_bucket_versioning.${versioningId}`]);
  });

  test('outputs the bucket and region; no lock table unless configured', () => {
    expect(Object.keys(stack.output!).sort()).toEqual(['state_bucket', 'state_region']);
    expect(stack.resource.aws_dynamodb_table).toBeUndefined();
  });

  test('a configured DynamoDB lock table is created with the LockID key', () => {
    const withTable = synth({ ...STATE, dynamodbTable: 'tf-locks' });
    expect(resourcesOf(withTable, 'aws_dynamodb_table').map(([, t]) => t)).toEqual([expect.objectContaining({
      name: 'tf-locks', hash_key: 'LockID', attribute: [{ name: 'LockID', type: 'S' }], billing_mode: 'PAY_PER_REQUEST',
    })]);
    expect(withTable.output!.lock_table).toBeDefined();
  });
});
