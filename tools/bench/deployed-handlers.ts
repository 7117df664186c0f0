import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readZip } from '../archive/read-zip';
import { API_STACK_NAME } from '../../src/contract';

export const HANDLERS = ['hello-world', 'health-check'] as const;
export type Handler = typeof HANDLERS[number];

export interface DeployedHandler {
  readonly name: Handler;
  /** Bytes of the zip Terraform uploads. */
  readonly zipBytes: number;
  /** Bytes of the minified bundle inside it. */
  readonly minifiedBytes: number;
  /** The bundle, extracted to a file that `require` can load. */
  readonly modulePath: string;
  /** The function's environment as synthesized (plus AWS_REGION, which Lambda sets). */
  readonly environment: Readonly<Record<string, string>>;
}

interface LambdaResource {
  readonly function_name: string;
  readonly filename: string;
  readonly provider: string;
  readonly environment?: { readonly variables?: Record<string, string> };
}

/**
 * Synthesizes the example app once and takes each handler from its Terraform-ready archive, exactly as Lambda would
 * receive it: the sizes are of that artifact, and the invocation benches run that very code.
 */
export function deployedHandlers(projectDir: string, workDir: string): DeployedHandler[] {
  const outdir = mkdtempSync(join(tmpdir(), 'bench-handlers-'));
  try {
    const run = spawnSync(process.execPath, [join(projectDir, 'dist', 'main.js')], {
      cwd: projectDir, env: exampleEnv(outdir), encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`synth for the handler bench failed: ${run.stderr.trim().slice(-2000)}`);
    const stackDir = join(outdir, 'stacks', API_STACK_NAME);
    const stack = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8')) as { resource: { aws_lambda_function: Record<string, LambdaResource> } };
    const functions = Object.values(stack.resource.aws_lambda_function);
    return HANDLERS.map((name) => {
      const fn = functions.find((f) => f.function_name.endsWith(name));
      if (!fn) throw new Error(`no aws_lambda_function named *${name} in the synthesized stack`);
      const archive = join(stackDir, fn.filename);
      const code = readZip(readFileSync(archive)).get('index.js');
      if (!code) throw new Error(`${fn.filename} has no index.js`);
      const dir = join(workDir, name);
      mkdirSync(dir, { recursive: true });
      const modulePath = join(dir, 'index.js');
      writeFileSync(modulePath, code);
      const region = fn.provider.replace(/^aws\./, '');
      return {
        name,
        zipBytes: statSync(archive).size,
        minifiedBytes: code.length,
        modulePath,
        environment: { ...fn.environment?.variables, AWS_REGION: region },
      };
    });
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The environment that makes the app synthesize the built-in example into `outdir` (an empty variable is refused). */
function exampleEnv(outdir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CDKTF_OUTDIR: outdir };
  delete env.MULTI_REGION_CONFIG;
  return env;
}
