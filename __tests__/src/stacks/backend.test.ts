import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { testConfig } from '../../helpers/config';
import { synthApiStack } from '../../helpers/synth';

const backendOf = (state: Record<string, unknown>) => synthApiStack(testConfig({ state })).stack.terraform.backend;

describe('multi-region-api state backend', () => {
  test('default: S3, encrypted, S3-native locking, bucket named after the prefix, in the first region', () => {
    expect(backendOf({})).toEqual({
      s3: {
        bucket: 'multi-region-api-terraform-state',
        key: 'multi-region-api/terraform.tfstate',
        region: 'us-east-1',
        encrypt: true,
        use_lockfile: true,
      },
    });
  });

  test('S3 with every setting, including a DynamoDB lock table beside the lock file', () => {
    expect(backendOf({ bucket: 'acme-tf-state', key: 'api/prod.tfstate', region: 'eu-west-1', dynamodbTable: 'tf-locks' })).toEqual({
      s3: {
        bucket: 'acme-tf-state', key: 'api/prod.tfstate', region: 'eu-west-1', encrypt: true, use_lockfile: true,
        dynamodb_table: 'tf-locks',
      },
    });
  });

  test('Terraform Cloud: organization and one named workspace', () => {
    expect(synthApiStack(testConfig({ state: { backend: 'cloud', organization: 'acme', workspace: 'api-prod' } })).stack.terraform.cloud)
      .toEqual({ hostname: 'app.terraform.io', organization: 'acme', workspaces: { name: 'api-prod' } });
    expect(backendOf({ backend: 'cloud', organization: 'acme', workspace: 'api-prod' })).toBeUndefined();
  });

  test('local: a relative path is anchored at the project root, an absolute one kept', () => {
    expect(backendOf({ backend: 'local' })).toEqual({ local: { path: join(projectRoot(), 'terraform.multi-region-api.tfstate') } });
    expect(backendOf({ backend: 'local', path: '/var/state/api.tfstate' })).toEqual({ local: { path: '/var/state/api.tfstate' } });
  });
});
