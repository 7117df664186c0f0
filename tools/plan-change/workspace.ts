import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeOfflineOverride } from '../terraform/override';
import { execFile } from 'child_process';
import { runTerraform, TerraformCommandError, terraformEnv } from '../terraform/run';
import { TerraformSession } from '../terraform/session';
import { hashOf, readCached, writeCached } from './cache';
import { resourceSchemas, ResourceSchemas } from './prior-state/schema';
import { StackFile } from './synth-config';

const LOCK_FILE = '.terraform.lock.hcl';
const DATA_DIR = '.terraform';
export const AWS_PROVIDER_SOURCE = 'registry.terraform.io/hashicorp/aws';

/**
 * A folder where `terraform init` ran once for this Terraform, these required providers and this install source:
 * every batch folder of a run starts from its lock file (the same provider build), the provider schema is read here
 * once, and its name keys the cached prior states.
 */
export async function initFolder(session: TerraformSession, stack: StackFile, cacheRoot: string): Promise<string> {
  const json = stack.model.json;
  const key = hashOf(session.binary.version, JSON.stringify(json.terraform?.required_providers ?? {}), session.mirror ?? 'registry');
  const dir = join(cacheRoot, `init-${key}`);
  const complete = () => existsSync(join(dir, LOCK_FILE)) && existsSync(join(dir, DATA_DIR));
  if (complete()) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const building = mkdtempSync(`${dir}.building-`);
  writeFileSync(join(building, 'cdk.tf.json'), JSON.stringify({ terraform: { required_providers: json.terraform?.required_providers }, provider: json.provider }));
  writeOfflineOverride(building, stack.model);
  await runTerraform(session, building, ['init', '-input=false', '-backend=true']);
  // The folder only ever appears whole, by this rename. If another process (a parallel test worker) put it there
  // first, it may be using it: keep theirs. A folder there that is not whole was left by an interrupted run.
  try {
    renameSync(building, dir);
  } catch (error) {
    if (complete()) {
      rmSync(building, { recursive: true, force: true });
    } else {
      if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      rmSync(dir, { recursive: true, force: true });
      renameSync(building, dir);
    }
  }
  return dir;
}

/** The provider's resource schemas, read once per init folder. */
export async function providerSchemas(session: TerraformSession, initDir: string, cacheRoot: string): Promise<ResourceSchemas> {
  const file = join(cacheRoot, `${initDir.split('/').pop()}-schemas.json`);
  const cached = readCached(file);
  if (cached) return JSON.parse(cached) as ResourceSchemas;
  const stdout = await providersSchemaJson(session, initDir);
  const schemas = resourceSchemas(stdout, AWS_PROVIDER_SOURCE);
  writeCached(file, JSON.stringify(schemas));
  return schemas;
}

/** `terraform providers schema -json` (run directly: `-no-color` may not follow `providers`). */
function providersSchemaJson(session: TerraformSession, dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(session.binary.path, ['providers', 'schema', '-json'], { cwd: dir, env: terraformEnv(session), maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => (error
        ? reject(new TerraformCommandError('providers schema', dir, typeof error.code === 'number' ? error.code : null, stderr))
        : resolve(stdout)));
  });
}
