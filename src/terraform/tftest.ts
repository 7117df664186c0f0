import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../project-root';
import { StackWorkspace } from './plan';
import { StackJson } from './stacks';

/** Where the repository keeps `<stack name>.tftest.hcl` files and the shared `mocks/*.tfmock.hcl`. */
export function terraformTestsDir(root = projectRoot()): string {
  return join(root, 'tests', 'terraform');
}

/** Mock data shared by every mocked provider, copied to `<stack>/tests/mocks`. */
const MOCKS_FOLDER = 'mocks';

/**
 * One `mock_provider` per AWS provider block of the stack, alias for alias: the region set comes from the config,
 * so the repository's test files hold the runs and assertions and these blocks are generated in front of them.
 */
export function mockProviderBlocks(stack: StackJson): string {
  return (stack.provider?.aws ?? []).map((p) => [
    'mock_provider "aws" {',
    ...(p.alias !== undefined ? [`  alias  = ${JSON.stringify(p.alias)}`] : []),
    `  source = "./tests/${MOCKS_FOLDER}"`,
    '}',
  ].join('\n')).join('\n');
}

export interface TerraformTestRun {
  readonly file: string;
  readonly passed: number;
  readonly seconds: number;
}

/**
 * Runs the repository's `<stack>.tftest.hcl` against the synthesized stack with every provider mocked; resolves
 * undefined when the repository has no test file for this stack, rejects when a run fails.
 */
export async function runTerraformTests(workspace: StackWorkspace, sourceDir = terraformTestsDir()): Promise<TerraformTestRun | undefined> {
  const source = join(sourceDir, `${workspace.stack.name}.tftest.hcl`);
  if (!existsSync(source)) return undefined;
  const testsDir = join(workspace.dir, 'tests');
  mkdirSync(testsDir, { recursive: true });
  cpSync(join(sourceDir, MOCKS_FOLDER), join(testsDir, MOCKS_FOLDER), { recursive: true });
  const file = join(testsDir, `${workspace.stack.name}.tftest.hcl`);
  const header = `# Generated from ${source}: mock providers for this stack's aliases, then the repository's runs.\n`;
  writeFileSync(file, `${header}${mockProviderBlocks(workspace.stack.json)}\n\n${readFileSync(source, 'utf8')}`);
  await workspace.init();
  const result = await workspace.terraform('test');
  const passed = /(\d+) passed, 0 failed/.exec(result.stdout);
  return { file: source, passed: passed ? Number(passed[1]) : 0, seconds: result.seconds };
}
