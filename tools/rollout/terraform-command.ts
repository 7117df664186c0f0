import { spawn } from 'child_process';
import { RolloutError } from './errors';

/** How the rollout runs Terraform: which binary, with which environment, where its progress lines go. */
export interface TerraformCli {
  readonly binary: string;
  /** The environment of every command: the user's own (credentials, TF_CLI_CONFIG_FILE, TF_TOKEN_*), plus ours. */
  readonly env: NodeJS.ProcessEnv;
  readonly log: (line: string) => void;
}

export interface CommandOptions {
  /** Stops the command (SIGINT, as Ctrl-C would): only for commands that change nothing (init, plan, show). */
  readonly signal?: AbortSignal;
  /** Prints each output line through `log` as it comes (apply). */
  readonly stream?: boolean;
}

/**
 * Runs `terraform <args> -no-color` in `dir` and resolves with its stdout. Terraform runs in a process group of its
 * own, so the terminal's Ctrl-C reaches only the rollout, which decides: an apply always finishes (never a half-applied
 * wave); a plan is stopped through `options.signal`. A failure is a RolloutError with Terraform's error lines.
 */
export function terraform(cli: TerraformCli, dir: string, args: readonly string[], options: CommandOptions = {}): Promise<string> {
  const { signal, stream } = options;
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const child = spawn(cli.binary, [args[0], '-no-color', ...args.slice(1)], {
      cwd: dir, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...cli.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', NO_COLOR: '1' },
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (stream) chunk.toString('utf8').split('\n').filter((line) => line.trim()).forEach((line) => cli.log(`    ${line}`));
    });
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const stop = () => { if (child.pid) process.kill(-child.pid, 'SIGINT'); };
    signal?.addEventListener('abort', stop, { once: true });
    child.on('error', (error) => reject(new RolloutError(`cannot run ${cli.binary}: ${error.message}`)));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      if (signal?.aborted) return reject(signal.reason);
      if (code === 0) return resolve(Buffer.concat(stdout).toString('utf8'));
      reject(new RolloutError(`terraform ${args[0]} failed in ${dir} (exit ${code}): ${errorLines(Buffer.concat(stderr).toString('utf8'))}`));
    });
  });
}

/** Terraform's `Error: ...` summaries (box drawing removed), joined; else its last non-empty line. */
export function errorLines(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.replace(/^[│╷╵\s]+/, '').trim()).filter(Boolean);
  const errors = lines.filter((line) => line.startsWith('Error:'));
  return (errors.length > 0 ? errors : lines.slice(-1)).join('; ') || 'no message';
}
