import { spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { writeOfflineOverride } from '../terraform/override';
import { runTerraform, TerraformCommandError, terraformEnv } from '../terraform/run';
import { TerraformSession } from '../terraform/session';
import { CacheEntry, hashOf, Notice } from './cache';
import { resourceSchemas, ResourceSchemas, resourceSchemasProblem } from './prior-state/schema';
import { RunGuard } from './run-guard';
import { StackFile } from './synth-config';

const LOCK_FILE = '.terraform.lock.hcl';
const DATA_DIR = '.terraform';
export const AWS_PROVIDER_SOURCE = 'registry.terraform.io/hashicorp/aws';

/**
 * A folder where `terraform init` ran once for this Terraform, these required providers and this install source:
 * every batch folder of a run starts from its lock file (the same provider build), the provider schema is read here
 * once, and its name keys the cached prior states.
 */
export async function initFolder(session: TerraformSession, stack: StackFile, cacheRoot: string, guard: RunGuard): Promise<string> {
  const json = stack.model.json;
  const key = hashOf(session.binary.version, JSON.stringify(json.terraform?.required_providers ?? {}), session.mirror ?? 'registry');
  const dir = join(cacheRoot, `init-${key}`);
  const complete = () => existsSync(join(dir, LOCK_FILE)) && existsSync(join(dir, DATA_DIR));
  if (complete()) return dir;
  mkdirSync(cacheRoot, { recursive: true });
  const building = mkdtempSync(`${dir}.building-`);
  guard.holdFolder(building);
  try {
    writeFileSync(join(building, 'cdk.tf.json'), JSON.stringify({ terraform: { required_providers: json.terraform?.required_providers }, provider: json.provider }));
    writeOfflineOverride(building, stack.model);
    await runTerraform(session, building, ['init', '-input=false', '-backend=true']);
    moveIntoPlace(building, dir, complete);
  } finally {
    rmSync(building, { recursive: true, force: true }); // gone after the rename; a failed init leaves nothing
    guard.releaseFolder(building);
  }
  return dir;
}

/**
 * The folder only ever appears whole, by this rename. If another process (a parallel test worker) put it there first,
 * it may be using it: keep theirs. A folder there that is not whole was left by a run killed before this rename.
 */
function moveIntoPlace(building: string, dir: string, complete: () => boolean): void {
  try {
    renameSync(building, dir);
  } catch (error) {
    if (complete()) {
      rmSync(building, { recursive: true, force: true });
      return;
    }
    if ((error as NodeJS.ErrnoException).code !== 'ENOTEMPTY' && (error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    rmSync(dir, { recursive: true, force: true });
    renameSync(building, dir);
  }
}

/** The provider's resource schemas, read once per init folder (a cache entry that is not whole is read again). */
export async function providerSchemas(session: TerraformSession, initDir: string, cacheRoot: string, notice: Notice): Promise<ResourceSchemas> {
  const name = initDir.split('/').pop()!;
  const entry = new CacheEntry<ResourceSchemas>(join(cacheRoot, `${name}-schemas.json`), 'provider schema', `${name} ${AWS_PROVIDER_SOURCE}`,
    resourceSchemasProblem);
  const cached = entry.read(notice);
  if (cached) return cached;
  const schemas = resourceSchemas(await providersSchemaJson(session, initDir), AWS_PROVIDER_SOURCE);
  entry.write(schemas);
  return schemas;
}

/** `terraform providers schema -json` (run directly: `-no-color` may not follow `providers`). */
function providersSchemaJson(session: TerraformSession, dir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(session.binary.path, ['providers', 'schema', '-json'],
      { cwd: dir, env: terraformEnv(session), detached: session.processGroups !== undefined });
    session.processGroups?.track(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0
      ? resolve(Buffer.concat(stdout).toString('utf8'))
      : reject(new TerraformCommandError('providers schema', dir, code, Buffer.concat(stderr).toString('utf8')))));
  });
}
