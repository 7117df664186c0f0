import { mkdirSync, readdirSync, writeFileSync } from 'fs';
import { homedir } from 'os';
import { join } from 'path';

/** Names a provider mirror folder (the `registry.terraform.io/<namespace>/<type>/...` layout) explicitly. */
export const PROVIDER_MIRROR_ENV_VAR = 'TF_PROVIDER_MIRROR';
/** Every stack of this project needs this provider; a folder is only a mirror if it holds it. */
export const REQUIRED_PROVIDER = 'registry.terraform.io/hashicorp/aws';

/**
 * Places a provider mirror may be: Terraform's own implied mirror folders, then every folder directly under `optDir`
 * (and its `plugins/`), where images that pre-install providers tend to put them. Found by looking, never by name.
 */
export function mirrorCandidates(env: NodeJS.ProcessEnv = process.env, home = homedir(), optDir = '/opt'): string[] {
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const underOpt = subfolders(optDir).sort()
    .flatMap((name) => [join(optDir, name), join(optDir, name, 'plugins')]);
  return [
    join(home, '.terraform.d', 'plugins'),
    join(dataHome, 'terraform', 'plugins'),
    '/usr/local/share/terraform/plugins',
    '/usr/share/terraform/plugins',
    ...underOpt,
  ];
}

export class MirrorError extends Error {}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

/** Providers (`host/namespace/type`) present in a mirror folder, in either packed or unpacked layout. */
export function providersInMirror(mirror: string): string[] {
  const children = (dir: string) => subfolders(dir);
  return children(mirror).flatMap((host) => children(join(mirror, host)).flatMap((namespace) =>
    children(join(mirror, host, namespace))
      .filter((type) => children(join(mirror, host, namespace, type)).length > 0)
      .map((type) => `${host}/${namespace}/${type}`)));
}

/**
 * The mirror to install providers from: `$TF_PROVIDER_MIRROR` when set (it must hold hashicorp/aws), else the first
 * candidate folder that holds hashicorp/aws, else undefined (Terraform's normal registry install).
 */
export function findProviderMirror(env: NodeJS.ProcessEnv = process.env, candidates = mirrorCandidates(env)): string | undefined {
  const named = env[PROVIDER_MIRROR_ENV_VAR];
  if (named) {
    if (!providersInMirror(named).includes(REQUIRED_PROVIDER)) {
      throw new MirrorError(`${PROVIDER_MIRROR_ENV_VAR}=${named} holds no ${REQUIRED_PROVIDER}/<version>/ folder`);
    }
    return named;
  }
  return candidates.find((dir) => providersInMirror(dir).includes(REQUIRED_PROVIDER));
}

export interface CliConfigOptions {
  /** Install these providers from this folder only, everything else from its registry. @default registry only */
  readonly mirror?: string;
  /**
   * Shared plugin cache so repeated `terraform init` runs link instead of downloading; used only without a mirror.
   * A mirror's providers are linked straight from the mirror, and through a cache every init would re-link the cache's
   * entry, which a plan running at the same time in another folder then finds missing.
   */
  readonly pluginCacheDir: string;
}

/** The text of a Terraform CLI configuration file (HCL; strings written as JSON strings, which HCL accepts). */
export function cliConfigText(options: CliConfigOptions): string {
  if (!options.mirror) return `plugin_cache_dir = ${JSON.stringify(options.pluginCacheDir)}\n`;
  const providers = JSON.stringify(providersInMirror(options.mirror));
  const lines = [
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${JSON.stringify(options.mirror)}`,
    `    include = ${providers}`,
    '  }',
    '  direct {',
    `    exclude = ${providers}`,
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** Writes the CLI config to `file` (creating the plugin cache folder when it is used) and returns the file's path. */
export function writeCliConfig(file: string, options: CliConfigOptions): string {
  if (!options.mirror) mkdirSync(options.pluginCacheDir, { recursive: true });
  writeFileSync(file, cliConfigText(options));
  return file;
}
