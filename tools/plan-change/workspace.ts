import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { OFFLINE_STATE_FILE, writeOfflineOverride } from '../terraform/override';
import { execFile } from 'child_process';
import { runTerraform, TerraformCommandError, terraformEnv, TerraformResult } from '../terraform/run';
import { TerraformSession } from '../terraform/session';
import { hashOf, readCached, writeCached } from './cache';
import { resourceSchemas, ResourceSchemas } from './prior-state/schema';
import { StateFile } from './prior-state/state-file';
import { StackFile } from './synth-config';

const LOCK_FILE = '.terraform.lock.hcl';
const DATA_DIR = '.terraform';
const PLAN_FILE = 'change.tfplan';
export const AWS_PROVIDER_SOURCE = 'registry.terraform.io/hashicorp/aws';

/**
 * A folder where `terraform init` ran once for this Terraform, these required providers and this install source;
 * every stack folder of a run links its `.terraform` and copies its lock file, so no run inits twice.
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

/** One synthesized stack folder set up to plan offline against a state we write. */
export class ChangeWorkspace {
  constructor(readonly session: TerraformSession, readonly stack: StackFile, initDir: string) {
    writeOfflineOverride(stack.dir, stack.model);
    copyFileSync(join(initDir, LOCK_FILE), join(stack.dir, LOCK_FILE));
    if (!existsSync(join(stack.dir, DATA_DIR))) symlinkSync(join(initDir, DATA_DIR), join(stack.dir, DATA_DIR), 'dir');
  }

  /** `plan -refresh=false` against `state` (none: empty); resolves whether Terraform plans any change. */
  async plan(state: StateFile | undefined): Promise<boolean> {
    const stateFile = join(this.stack.dir, OFFLINE_STATE_FILE);
    if (state) writeFileSync(stateFile, JSON.stringify(state));
    else rmSync(stateFile, { force: true });
    try {
      await this.terraform('plan', '-input=false', '-lock=false', '-refresh=false', '-detailed-exitcode', `-out=${PLAN_FILE}`);
      return false;
    } catch (error) {
      if (error instanceof TerraformCommandError && error.exitCode === 2) return true;
      throw error;
    }
  }

  /** `terraform show -json` of the last plan. */
  async show<T>(): Promise<T> {
    const { stdout } = await this.terraform('show', '-json', PLAN_FILE);
    return JSON.parse(stdout) as T;
  }

  terraform(...args: string[]): Promise<TerraformResult> {
    return runTerraform(this.session, this.stack.dir, args);
  }
}
