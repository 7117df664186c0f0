import { join } from 'path';
import { projectRoot } from '../../src/project-root';
import { findProviderMirror, writeCliConfig } from './cli-config';
import { TerraformBinary } from './find-terraform';
import { TerraformRunner } from './run';

export interface TerraformSessionOptions {
  /** Folder the session's CLI configuration file is written to. */
  readonly workDir: string;
  /** @default $TF_PLUGIN_CACHE_DIR, else node_modules/.cache/terraform-plugins */
  readonly pluginCacheDir?: string;
  readonly env?: NodeJS.ProcessEnv;
}

export interface TerraformSession extends TerraformRunner {
  /** The provider mirror in use, or undefined for Terraform's registry install. */
  readonly mirror?: string;
}

/** Writes a CLI configuration of our own (the mirror when one is found, else a shared plugin cache) for one run of proofs. */
export function createTerraformSession(binary: TerraformBinary, options: TerraformSessionOptions): TerraformSession {
  const env = options.env ?? process.env;
  const mirror = findProviderMirror(env);
  const pluginCacheDir = options.pluginCacheDir
    ?? (env.TF_PLUGIN_CACHE_DIR || join(projectRoot(), 'node_modules', '.cache', 'terraform-plugins'));
  const cliConfigFile = writeCliConfig(join(options.workDir, 'terraform.rc'), { mirror, pluginCacheDir });
  return { binary, cliConfigFile, mirror, ...(!mirror && { pluginCacheDir }) };
}
