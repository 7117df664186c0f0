import { readFileSync } from 'fs';
import { jsonStructureProblem } from './json-structure';
import { ConfigError, validateConfig } from './validate';
import { MultiRegionConfig } from './types';

export const CONFIG_ENV_VAR = 'MULTI_REGION_CONFIG';
export const EXAMPLE_CONFIG_PATH = 'config/example.json';

/** The config file to use: `$MULTI_REGION_CONFIG` when set, else the built-in example. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const path = env[CONFIG_ENV_VAR];
  if (path === undefined) return EXAMPLE_CONFIG_PATH;
  // An empty value is most often a variable that failed to expand: synthesizing the example then would be a surprise.
  if (path.trim() === '') throw new ConfigError(CONFIG_ENV_VAR, [`is set but empty; unset it to use ${EXAMPLE_CONFIG_PATH}, or set it to a config file's path`]);
  return path;
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
  const structure = jsonStructureProblem(text);
  if (structure) throw new ConfigError(path, [structure]);
  return validateConfig(raw, path);
}
