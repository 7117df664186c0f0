import { spawn } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { projectRoot } from '../../src/project-root';
import { readSynthesizedStacks, SynthesizedStack } from '../stack-model/synthesized-stacks';
import { RunGuard } from './run-guard';

export const API_STACK = API_STACK_NAME;

/** A config that cannot be synthesized; the message is the app's own line (`Invalid configuration ...`). */
export class ConfigSideError extends Error {}

export type StackFile = SynthesizedStack;

export interface SynthOptions {
  /** The flag the config came from (`from`, `to`): errors name it. */
  readonly label: string;
  /** The compiled app. @default this checkout's dist/main.js */
  readonly app?: string;
  /** Ends the synth if the run stops. */
  readonly guard?: RunGuard;
}

/** Runs the compiled app on one config into a fresh folder under `parent`; resolves with the API stack. */
export function synthesizeConfig(configFile: string, parent: string, options: SynthOptions): Promise<StackFile> {
  const { label, app = join(projectRoot(), 'dist', 'main.js'), guard } = options;
  if (!existsSync(app)) return Promise.reject(new ConfigSideError(`${app} is missing: run \`npm run build\` first`));
  const outdir = mkdtempSync(join(parent, `${label}-`));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [app], {
      cwd: projectRoot(),
      env: { ...process.env, MULTI_REGION_CONFIG: configFile, CDKTF_OUTDIR: outdir },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: guard !== undefined,
    });
    guard?.track(child);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new ConfigSideError(`--${label} ${configFile}: ${appErrorLine(output) || `synth exited ${code}`}`));
        return;
      }
      // Never throw here: an error in this callback would end the process (the run may be over and its folder gone).
      let stack: StackFile | undefined;
      try {
        stack = readSynthesizedStacks(outdir).find((s) => s.name === API_STACK);
      } catch (error) {
        reject(error);
        return;
      }
      if (!stack) reject(new ConfigSideError(`--${label} ${configFile}: the app synthesized no ${API_STACK} stack`));
      else resolve(stack);
    });
  });
}

/** The app's message and its indented problems, on one line. */
function appErrorLine(output: string): string {
  const lines = output.trim().split('\n');
  const first = lines.findIndex((l) => l.startsWith('Invalid configuration'));
  if (first < 0) return lines[0];
  return [lines[first], ...lines.slice(first + 1).filter((l) => /^\s/.test(l)).map((l) => l.trim())].join('; ');
}
