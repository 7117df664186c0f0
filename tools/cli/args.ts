import { parseArgs, ParseArgsConfig } from 'util';

/** A mistake on the command line: printed as one line naming the flag or value, exit code 2. */
export class UsageError extends Error {}

export interface CliSpec<T extends ParseArgsConfig> {
  /** How users run the command (`npm run check:policy`): the prefix of its error line. */
  readonly name: string;
  /** What `--help` prints. */
  readonly usage: string;
  /** `util.parseArgs` options and positionals; `--help`/`-h` is added. */
  readonly config: T;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * `util.parseArgs` with the pattern every CLI of tools/ shares: `--help` prints the usage and exits 0; an unknown
 * flag, a missing value or a stray argument prints one line naming it and exits 2.
 */
export function parseCli<T extends ParseArgsConfig>(spec: CliSpec<T>, argv: readonly string[] = process.argv.slice(2)): ReturnType<typeof parseArgs<T>> {
  let parsed;
  try {
    parsed = parseArgs({ ...spec.config, args: [...argv], strict: true, options: { ...spec.config.options, ...HELP } });
  } catch (error) {
    // Node appends a hint about positionals starting with '-' to unknown options; the flag's name is the news.
    return exitWithUsageError(spec.name, new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/, '')));
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(spec.usage);
    process.exit(0);
  }
  return parsed as ReturnType<typeof parseArgs<T>>;
}

/** Prints `<name>: <message> (see --help)` on stderr and exits 2. */
export function exitWithUsageError(name: string, error: Error): never {
  console.error(`${name}: ${error.message} (see --help)`);
  process.exit(2);
}

/** Runs `read` (which checks flag values); a UsageError it throws ends the command as a usage error. */
export function checkFlags<T>(name: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof UsageError) exitWithUsageError(name, error);
    throw error;
  }
}

/** The number a flag's text holds, within `min`..`max` (and whole when `integer`); otherwise a UsageError naming it. */
export function numberFlag(flag: string, text: string, min: number, max: number, integer = false): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new UsageError(`${flag}: "${text}" is not ${integer ? 'an integer' : 'a number'} from ${min} to ${max}`);
  }
  return value;
}
