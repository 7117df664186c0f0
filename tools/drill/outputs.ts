import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { DrillError } from './errors';

/** What the drill needs of one region, from the stack's `regions` output. */
export interface RegionOutputs {
  readonly healthCheckId: string;
  readonly healthFunctionName: string;
  readonly customDomainTarget: string;
}

/** The deployed stack as `terraform output -json` describes it (contract: TEAM.md, global layer). */
export interface StackOutputs {
  readonly domainName: string;
  readonly failoverSeconds: number;
  readonly regions: Readonly<Record<string, RegionOutputs>>;
}

type RawOutputs = Record<string, { value?: unknown } | undefined>;

/** Validates `terraform output -json` text; an empty object means nothing is deployed (or state is elsewhere). */
export function parseStackOutputs(text: string, source: string): StackOutputs {
  let raw: RawOutputs;
  try {
    raw = JSON.parse(text) as RawOutputs;
  } catch {
    throw new DrillError(`${source} is not JSON from \`terraform output -json\``);
  }
  if (!raw || typeof raw !== 'object' || Object.keys(raw).length === 0) {
    throw new DrillError(`the stack is not deployed: ${source} has no outputs (run \`npm run deploy\` first)`);
  }
  const domainName = raw.domain_name?.value;
  const failoverSeconds = raw.failover_seconds?.value;
  const regions = raw.regions?.value;
  if (typeof domainName !== 'string' || typeof failoverSeconds !== 'number' || !regions || typeof regions !== 'object') {
    throw new DrillError(`${source} lacks domain_name, failover_seconds or regions: deploy the current version of the stack`);
  }
  const parsed: Record<string, RegionOutputs> = {};
  for (const [region, value] of Object.entries(regions as Record<string, Record<string, unknown>>)) {
    const { health_check_id: id, health_function_name: fn, custom_domain_target: target } = value ?? {};
    if (typeof id !== 'string' || typeof fn !== 'string' || typeof target !== 'string') {
      throw new DrillError(`${source}: regions["${region}"] lacks health_check_id, health_function_name or custom_domain_target`);
    }
    parsed[region] = { healthCheckId: id, healthFunctionName: fn, customDomainTarget: target };
  }
  return { domainName, failoverSeconds, regions: parsed };
}

/** Runs `terraform output -json` in the synthesized stack's folder, where `npm run deploy` left its state config. */
export function readTerraformOutputs(stackDir: string): StackOutputs {
  if (!existsSync(stackDir)) {
    throw new DrillError(`the stack is not deployed here: ${stackDir} does not exist (run \`npm run deploy\`, or pass --outputs <file>)`);
  }
  if (!existsSync(join(stackDir, '.terraform'))) {
    throw new DrillError(`the stack is not deployed from this checkout: ${stackDir} was never initialized by terraform `
      + '(run `npm run deploy`, or pass --outputs <file> saved with `terraform output -json`)');
  }
  const result = spawnSync('terraform', ['output', '-json'], {
    cwd: stackDir, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' },
  });
  if (result.error) throw new DrillError(`cannot run terraform: ${result.error.message}`);
  if (result.status !== 0) {
    const reason = result.stderr.split('\n').map((line) => line.replace(/^[│╷╵\s]+/, '').trim()).find((line) => line && !/^Error:?$/.test(line));
    throw new DrillError(`terraform output failed in ${stackDir}: ${reason ?? `exit ${result.status}`}`);
  }
  return parseStackOutputs(result.stdout, `terraform output in ${stackDir}`);
}

/** Reads outputs saved earlier with `terraform output -json > file`. */
export function readOutputsFile(path: string): StackOutputs {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new DrillError(`--outputs ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseStackOutputs(text, path);
}
