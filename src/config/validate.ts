import { Problems, readObject } from './fields';
import { readFields } from './read-schema';
import { checkRules, Draft } from './rules';
import { SCHEMA } from './schema';
import { MultiRegionConfig } from './types';

export class ConfigError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates parsed JSON into a complete config, or throws one ConfigError that lists every problem. */
export function validateConfig(raw: unknown, source = 'config'): MultiRegionConfig {
  const pass = { problems: new Problems(), given: new Map<string, unknown>() };
  const top = readObject(raw, '', Object.keys(SCHEMA), pass.problems);
  if (!top) throw new ConfigError(source, pass.problems.all);
  const config = readFields(SCHEMA, top, '', pass);
  checkRules(config as Draft, pass.given, pass.problems);
  if (pass.problems.all.length > 0) throw new ConfigError(source, pass.problems.all);
  return config as MultiRegionConfig;
}
