import { spawnSync } from 'child_process';

/** Names the Terraform executable when it is not `terraform` on PATH. */
export const TERRAFORM_BINARY_ENV_VAR = 'TERRAFORM_BINARY';
/** `mock_provider` with `source` needs 1.7; the S3 backend's native locking (use_lockfile) needs 1.10. */
export const MINIMUM_TERRAFORM_VERSION = '1.10.0';

export interface TerraformBinary {
  readonly path: string;
  readonly version: string;
}

export type TerraformLookup =
  | { readonly found: true; readonly binary: TerraformBinary }
  | { readonly found: false; readonly message: string };

const INSTALL_HINT = `install Terraform >= ${MINIMUM_TERRAFORM_VERSION} (https://developer.hashicorp.com/terraform/install) `
  + `and put it on PATH, or set ${TERRAFORM_BINARY_ENV_VAR} to its path`;

/** Finds a usable Terraform; when there is none, says in one line what to install. */
export function findTerraform(env: NodeJS.ProcessEnv = process.env): TerraformLookup {
  const path = env[TERRAFORM_BINARY_ENV_VAR] || 'terraform';
  const result = spawnSync(path, ['version', '-json'], { encoding: 'utf8', env: { ...env, CHECKPOINT_DISABLE: '1' } });
  if (result.error || result.status !== 0) {
    return { found: false, message: `Terraform not found (tried "${path}"): ${INSTALL_HINT}` };
  }
  const version = parseVersion(result.stdout);
  if (!version) return { found: false, message: `"${path} version -json" printed no version: ${INSTALL_HINT}` };
  if (compareVersions(version, MINIMUM_TERRAFORM_VERSION) < 0) {
    return { found: false, message: `Terraform ${version} at "${path}" is too old: ${INSTALL_HINT}` };
  }
  return { found: true, binary: { path, version } };
}

function parseVersion(stdout: string): string | undefined {
  try {
    const version = (JSON.parse(stdout) as { terraform_version?: unknown }).terraform_version;
    return typeof version === 'string' ? version : undefined;
  } catch {
    return undefined;
  }
}

/** Compares dotted numeric versions (pre-release suffixes ignored). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => v.split('-')[0].split('.').map((n) => Number.parseInt(n, 10) || 0);
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
