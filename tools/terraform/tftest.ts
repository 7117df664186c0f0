import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';
import { StackWorkspace } from './plan';
import { StackModel } from '../stack-model/stack-model';

/** Where the repository keeps `<stack name>.tftest.hcl` files and the shared `mocks/*.tfmock.hcl`. */
export function terraformTestsDir(root = projectRoot()): string {
  return join(root, '__tests__', 'tools', 'terraform', 'tftest');
}

/** In the repository's mock files, stands for the region of the provider being mocked. */
export const REGION_PLACEHOLDER = '__REGION__';
const MOCKS_FOLDER = 'mocks';

interface MockedProvider {
  readonly alias?: string;
  readonly region: string;
  /** Folder under `<stack>/tests/mocks/` holding this provider's mock data. */
  readonly folder: string;
}

function mockedProviders(stack: StackModel): MockedProvider[] {
  return stack.awsProviders.map((p) => ({
    alias: p.alias,
    region: p.region ?? p.alias ?? 'us-east-1',
    folder: p.alias ?? 'default',
  }));
}

/**
 * One `mock_provider` per AWS provider block of the stack, alias for alias: the region set comes from the config,
 * so the repository's test files hold the runs and assertions and these blocks are generated in front of them.
 */
export function mockProviderBlocks(stack: StackModel): string {
  return mockedProviders(stack).map((p) => [
    'mock_provider "aws" {',
    ...(p.alias !== undefined ? [`  alias  = ${JSON.stringify(p.alias)}`] : []),
    `  source = "./tests/${MOCKS_FOLDER}/${p.folder}"`,
    '}',
  ].join('\n')).join('\n');
}

/** Copies the repository's mock files once per mocked provider, with that provider's region filled in. */
function writeMocks(stack: StackModel, sourceDir: string, testsDir: string): void {
  const sources = readdirSync(join(sourceDir, MOCKS_FOLDER)).filter((f) => f.endsWith('.tfmock.hcl'));
  for (const provider of mockedProviders(stack)) {
    const target = join(testsDir, MOCKS_FOLDER, provider.folder);
    mkdirSync(target, { recursive: true });
    for (const file of sources) {
      const text = readFileSync(join(sourceDir, MOCKS_FOLDER, file), 'utf8');
      writeFileSync(join(target, file), text.split(REGION_PLACEHOLDER).join(provider.region));
    }
  }
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
  writeMocks(workspace.stack.model, sourceDir, testsDir);
  const header = `# Generated from ${source}: mock providers for this stack's aliases, then the repository's runs.\n`;
  writeFileSync(join(testsDir, `${workspace.stack.name}.tftest.hcl`),
    `${header}${mockProviderBlocks(workspace.stack.model)}\n\n${readFileSync(source, 'utf8')}`);
  await workspace.init();
  const result = await workspace.terraform('test');
  const passed = /(\d+) passed, 0 failed/.exec(result.stdout);
  return { file: source, passed: passed ? Number(passed[1]) : 0, seconds: result.seconds };
}
