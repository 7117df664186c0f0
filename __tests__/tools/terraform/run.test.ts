import { chmodSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runTerraform, TerraformCommandError, terraformEnv } from '../../../tools/terraform/run';

/** A stand-in `terraform` that prints its arguments and the variables the harness sets, then exits with `code`. */
function fakeTerraform(code: number): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mr-api-fake-tf-')), 'terraform');
  writeFileSync(path, [
    '#!/bin/sh',
    'echo "args: $*"',
    'echo "cli config: $TF_CLI_CONFIG_FILE checkpoint: $CHECKPOINT_DISABLE automation: $TF_IN_AUTOMATION"',
    'echo "Error: something the provider said" >&2',
    `exit ${code}`,
  ].join('\n'));
  chmodSync(path, 0o755);
  return path;
}

const runner = (path: string) => ({ binary: { path, version: '1.11.4' }, cliConfigFile: '/tmp/our.tfrc' });

describe('runTerraform', () => {
  test('runs in the stack folder with our CLI config, no checkpoint, automation mode and -no-color after the command', async () => {
    const result = await runTerraform(runner(fakeTerraform(0)), tmpdir(), ['show', '-json', 'offline.tfplan']);
    expect(result.stdout).toBe('args: show -no-color -json offline.tfplan\ncli config: /tmp/our.tfrc checkpoint: 1 automation: 1\n');
  });

  test("a non-zero exit rejects with Terraform's own diagnostics in the message", async () => {
    const failure = runTerraform(runner(fakeTerraform(1)), tmpdir(), ['validate']);
    await expect(failure).rejects.toBeInstanceOf(TerraformCommandError);
    await expect(failure).rejects.toThrow(/^terraform validate failed in .* \(exit 1\):\nError: something the provider said/);
  });

  test('the environment overrides an inherited TF_CLI_CONFIG_FILE', () => {
    expect(terraformEnv(runner('terraform'), { TF_CLI_CONFIG_FILE: '/root/.terraformrc' }))
      .toMatchObject({ TF_CLI_CONFIG_FILE: '/tmp/our.tfrc', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', NO_COLOR: '1' });
  });

  test("Go's collector runs less often (GOGC=400) unless the caller set GOGC", () => {
    expect(terraformEnv(runner('terraform'), {}).GOGC).toBe('400');
    expect(terraformEnv(runner('terraform'), { GOGC: '100' }).GOGC).toBe('100');
  });
});
