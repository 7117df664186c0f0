import { readFileSync } from 'fs';
import { ConfigError, validateConfig } from './validate';
import { MultiRegionConfig } from './types';

export const CONFIG_ENV_VAR = 'MULTI_REGION_CONFIG';
export const EXAMPLE_CONFIG_PATH = 'config/example.json';

/** The config file to use: `$MULTI_REGION_CONFIG` when set, else the built-in example. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  return env[CONFIG_ENV_VAR] || EXAMPLE_CONFIG_PATH;
}

/** Reads, parses and validates a config file; every failure is a ConfigError naming the file. */
export function loadConfig(path: string): MultiRegionConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file does not exist' : `cannot be read (${code ?? String(error)})`;
    throw new ConfigError(path, [`${reason} (set ${CONFIG_ENV_VAR} to a config file's path)`]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(path, [`is not valid JSON: ${(error as Error).message}`]);
  }
  return validateConfig(raw, path);
}
