import { checkAwsLimits } from './aws-limits';
import { Problems, readObject, readString } from './fields';
import { readFields } from './read-schema';
import { checkRules, Draft } from './rules';
import { SCHEMA } from './schema';
import { MultiRegionConfig } from './types';

/** The one key a file may hold besides settings: the JSON Schema editors check it with (config/schema.json). */
export const SCHEMA_KEY = '$schema';

/** At most this many problems are printed; the rest are counted (a hostile file may hold millions). */
export const MAX_PRINTED_PROBLEMS = 50;

export class ConfigError extends Error {
  constructor(readonly source: string, readonly problems: readonly string[]) {
    const shown = problems.slice(0, MAX_PRINTED_PROBLEMS);
    const rest = problems.length - shown.length;
    const more = rest > 0 ? [`... and ${rest} more problem${rest === 1 ? '' : 's'} (fix these first)`] : [];
    super(`${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n  ${[...shown, ...more].join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates parsed JSON into a complete config, or throws one ConfigError that lists every problem. */
export function validateConfig(raw: unknown, source = 'config'): MultiRegionConfig {
  const pass = { problems: new Problems(), given: new Map<string, unknown>() };
  const top = readObject(raw, '', [...Object.keys(SCHEMA), SCHEMA_KEY], pass.problems);
  if (!top) throw new ConfigError(source, pass.problems.all);
  if (top[SCHEMA_KEY] !== undefined) readString(top[SCHEMA_KEY], SCHEMA_KEY, pass.problems);
  const config = readFields(SCHEMA, top, '', pass);
  checkRules(config as Draft, pass.given, pass.problems);
  checkAwsLimits(config as Draft, pass.given, pass.problems);
  if (pass.problems.all.length > 0) throw new ConfigError(source, pass.problems.all);
  return config as MultiRegionConfig;
}
