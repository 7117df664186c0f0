import { ChildProcess, spawn } from 'child_process';
import { TerraformBinary } from './find-terraform';
import { withInitLock } from './init-lock';

export interface TerraformRunner {
  readonly binary: TerraformBinary;
  /** The CLI configuration file every command reads (TF_CLI_CONFIG_FILE). */
  readonly cliConfigFile: string;
  /** The plugin cache that configuration names: `init`s that share it take turns (see init-lock.ts). */
  readonly pluginCacheDir?: string;
  /**
   * When set, each command runs in a process group of its own (with the provider processes it starts), handed to
   * `track` so that its owner can end the whole group, e.g. on Ctrl-C.
   */
  readonly processGroups?: { track(child: ChildProcess): void };
}

export interface TerraformResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** A Terraform command that exited non-zero; the message carries Terraform's own diagnostics. */
export class TerraformCommandError extends Error {
  constructor(readonly command: string, readonly dir: string, readonly exitCode: number | null, readonly output: string) {
    super(`terraform ${command} failed in ${dir} (exit ${exitCode}):\n${output.trim()}`);
  }
}

/**
 * Go's collector target for Terraform and the provider processes it starts (they inherit it), unless GOGC is set.
 * Each command lives seconds and the provider's schema is large: at Go's default (100) collection is a quarter of a
 * plan's CPU; at 400 a 3-region plan takes ~20% less CPU for ~20% more peak memory (~450 MB per process).
 */
export const TERRAFORM_GOGC = '400';

/** The environment for every command: our CLI config, no update check, no prompts, no color. */
export function terraformEnv(runner: TerraformRunner, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    GOGC: TERRAFORM_GOGC,
    ...base,
    TF_CLI_CONFIG_FILE: runner.cliConfigFile,
    CHECKPOINT_DISABLE: '1',
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    NO_COLOR: '1',
  };
}

/** Runs `terraform <command> -no-color <options...>` in `dir`; resolves with its output, rejects with TerraformCommandError. */
export function runTerraform(runner: TerraformRunner, dir: string, args: readonly string[]): Promise<TerraformResult> {
  if (args[0] === 'init' && runner.pluginCacheDir) return withInitLock(runner.pluginCacheDir, () => run(runner, dir, args));
  return run(runner, dir, args);
}

function run(runner: TerraformRunner, dir: string, args: readonly string[]): Promise<TerraformResult> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(runner.binary.path, [args[0], '-no-color', ...args.slice(1)], {
      cwd: dir, env: terraformEnv(runner), detached: runner.processGroups !== undefined,
    });
    runner.processGroups?.track(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const out = Buffer.concat(stdout).toString('utf8');
      const err = Buffer.concat(stderr).toString('utf8');
      if (code !== 0) {
        reject(new TerraformCommandError(args[0], dir, code, `${err}\n${out}`));
        return;
      }
      resolve({ stdout: out, stderr: err, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    });
  });
}
