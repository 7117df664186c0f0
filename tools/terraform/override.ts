import { writeFileSync } from 'fs';
import { join } from 'path';
import { StackModel } from '../stack-model/stack-model';

/** Terraform merges `*_override.tf.json` files last; the `zz_` prefix keeps this one after any other override. */
export const OFFLINE_OVERRIDE_FILE = 'zz_offline_override.tf.json';
export const OFFLINE_STATE_FILE = 'offline-proof.tfstate';


/** Lets the AWS provider configure and plan with no account: fake keys, and no call that needs a real one. */
const OFFLINE_AWS_SETTINGS = {
  access_key: 'offline-proof-access-key',
  secret_key: 'offline-proof-secret-key',
  skip_credentials_validation: true,
  skip_requesting_account_id: true,
  skip_metadata_api_check: true,
  skip_region_validation: true,
};

/**
 * The override that makes a stack plan offline: a local backend in place of whatever backend (or cloud block) the
 * stack declares, and fake credentials plus the skip_* flags on every AWS provider. Override provider blocks are
 * matched by alias, so there is one per synthesized provider block, alias for alias.
 */
export function offlineOverride(stack: StackModel): Record<string, unknown> {
  const providers = stack.awsProviders;
  return {
    terraform: { backend: { local: { path: OFFLINE_STATE_FILE } } },
    ...(providers.length > 0 && {
      provider: {
        aws: providers.map((p) => ({ ...(p.alias !== undefined && { alias: p.alias }), ...OFFLINE_AWS_SETTINGS })),
      },
    }),
  };
}

/** Writes the override beside the stack's cdk.tf.json. */
export function writeOfflineOverride(stackDir: string, stack: StackModel): string {
  const file = join(stackDir, OFFLINE_OVERRIDE_FILE);
  writeFileSync(file, `${JSON.stringify(offlineOverride(stack), null, 2)}\n`);
  return file;
}
