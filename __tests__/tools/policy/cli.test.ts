import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { TerraformJson } from '../../../tools/stack-model/terraform-json';
import { fixture } from '../../helpers/policy';

const CLI = join(projectRoot(), 'dist', 'tools', 'policy', 'cli.js');

/** A cdktf-shaped output folder holding one stack. */
function outdirWith(stack: TerraformJson): string {
  const outdir = mkdtempSync(join(tmpdir(), 'policy-cli-'));
  mkdirSync(join(outdir, 'stacks', 'api'), { recursive: true });
  writeFileSync(join(outdir, 'stacks', 'api', 'cdk.tf.json'), JSON.stringify(stack));
  writeFileSync(join(outdir, 'manifest.json'), JSON.stringify({ stacks: { api: { name: 'api', workingDirectory: 'stacks/api', synthesizedStackPath: 'stacks/api/cdk.tf.json' } } }));
  return outdir;
}

function run(args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('check:policy CLI', () => {
  test('exits 1 and prints rule, address and fix for each violation', () => {
    const result = run(['--dir', outdirWith(fixture({ aws_cloudwatch_log_group: { g: { name: '/x', provider: 'aws.us-east-1' } } }).json)]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('MRA-LOGS-RETENTION  api: aws_cloudwatch_log_group.g');
    expect(result.stdout).toContain('fix: Set retention_in_days');
  });

  test('exits 0 on a clean stack', () => {
    const result = run(['--dir', outdirWith(fixture({ aws_cloudwatch_log_group: { g: { name: '/x', provider: 'aws.us-east-1', retention_in_days: 7 } } }).json)]);
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 0, stdout: expect.stringContaining('0 violations') });
  });

  test('a missing folder or unknown argument is one line and exit 2', () => {
    const missing = run(['--dir', join(tmpdir(), 'no-such-cdktf-out')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const unknown = run(['--frobnicate']);
    expect({ status: unknown.status, stderr: unknown.stderr }).toEqual({ status: 2, stderr: "check:policy: Unknown option '--frobnicate' (see --help)\n" });
  });

  test('--help prints the usage and exits 0', () => {
    const help = run(['--help']);
    expect({ status: help.status, stdout: help.stdout }).toEqual({ status: 0, stdout: expect.stringMatching(/^usage: npm run check:policy/) });
  });
});
