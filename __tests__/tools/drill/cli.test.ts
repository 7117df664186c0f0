import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { outputsJson } from '../../helpers/drill';

const CLI = join(projectRoot(), 'dist', 'tools', 'drill', 'cli.js');

function drill(args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  // No credentials and an unreachable endpoint: any AWS call would fail, so passing tests prove none was made.
  const env = { ...process.env, AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_PROFILE: 'no-such-profile', AWS_ENDPOINT_URL: 'http://127.0.0.1:9' };
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env });
}

describe('npm run drill', () => {
  const outputs = join(mkdtempSync(join(tmpdir(), 'drill-')), 'outputs.json');
  writeFileSync(outputs, outputsJson());

  test('--dry-run prints the steps with names from the outputs and changes nothing', () => {
    const result = drill(['--region', 'us-east-1', '--dry-run', '--outputs', outputs]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('drill of us-east-1 (dry run, nothing changed):');
    expect(result.stdout).toContain('set STATUS=fail on multi-region-api-health-check in us-east-1');
  });

  test.each([
    [['--region', 'eu-west-1', '--outputs', outputs], 2, 'drill: --region: "eu-west-1" is not in the deployed stack; deployed regions: us-east-1, us-west-2'],
    [['--region', '__proto__', '--outputs', outputs], 2, 'drill: --region: "__proto__" is not in the deployed stack'],
    [['--region', 'us-east-1', '--dns-server', 'example.com', '--outputs', outputs], 2, 'drill: --dns-server: "example.com" is not an IP address'],
    [['--region', 'us-east-1', '--outputs', join(tmpdir(), 'missing.json')], 1, 'cannot be read (ENOENT)'],
    [['--dry-run'], 2, 'drill: --region is required (see --help)'],
    [['--region'], 2, "drill: Option '--region <value>' argument missing (see --help)"],
    [['--region', 'us-east-1', '--force'], 2, "drill: Unknown option '--force' (see --help)"],
    [['--region', 'us-east-1', '--poll', '0'], 2, 'drill: --poll: "0" is not a number from 0.1 to 3600 (see --help)'],
  ])('%j: exit %i with one line', (args, status, message) => {
    const result = drill(args);
    expect(result.status).toBe(status);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringContaining(message)]);
  });

  test.each([['--help'], ['-h', '--region', 'x']])('%s prints the options and exits 0', (...args) => {
    const result = drill(args);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('--call-timeout <seconds>');
  });

  test('missing credentials: one line, exit 1', () => {
    const result = drill(['--region', 'us-east-1', '--outputs', outputs]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^drill: no AWS credentials for reading Lambda function/)]);
  });
});
