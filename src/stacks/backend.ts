import { CloudBackend, LocalBackend, NamedCloudWorkspace, S3Backend, TerraformStack } from 'cdktf';
import { isAbsolute, join } from 'path';
import { StateConfig } from '../config/types';
import { projectRoot } from '../project-root';

/**
 * Points a stack's state where the config says. S3 state is encrypted and locked with S3-native lock files
 * (`use_lockfile`, Terraform >= 1.10), which cdktf 0.21's S3Backend does not know, hence the override;
 * a DynamoDB lock table is added only when configured.
 */
export function useStateBackend(stack: TerraformStack, state: StateConfig): void {
  switch (state.backend) {
    case 's3':
      new S3Backend(stack, {
        bucket: state.bucket,
        key: state.key,
        region: state.region,
        encrypt: true,
        ...(state.dynamodbTable ? { dynamodbTable: state.dynamodbTable } : {}),
      });
      stack.addOverride('terraform.backend.s3.use_lockfile', true);
      return;
    case 'cloud':
      new CloudBackend(stack, {
        hostname: state.hostname,
        organization: state.organization,
        workspaces: new NamedCloudWorkspace(state.workspace),
      });
      return;
    case 'local':
      new LocalBackend(stack, { path: localStatePath(state.path) });
  }
}

/**
 * Terraform runs in cdktf.out/stacks/<stack>/, which synth may wipe; a relative state path is anchored at the
 * project root instead, as cdktf's own default is.
 */
export function localStatePath(path: string): string {
  return isAbsolute(path) ? path : join(projectRoot(), path);
}
