import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { fakePlan, REPLACE_CBD } from './risk/fake-plan';

const CLI = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');

function run(...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

function planFile(plan: object): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-change-plan-')), 'plan.json');
  writeFileSync(file, JSON.stringify({ format_version: '1.2', ...plan }));
  return file;
}

describe('plan:change --plan (a real plan JSON through the same classifier)', () => {
  test('an outage exits 1 and --json says which rule and where', () => {
    const result = run('--plan', planFile(fakePlan({ address: 'aws_lambda_function.region-us-east-1_fn', actions: REPLACE_CBD })), '--json');
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as { outage: boolean; findings: Array<{ rule: string; scope: string }> };
    expect(json.outage).toBe(true);
    expect(json.findings.map((f) => [f.rule, f.scope])).toEqual([['stale-stage-snapshot', 'us-east-1']]);
  });

  test('a plan with no risky change exits 0 and prints the per-scope table', () => {
    const result = run('--plan', planFile(fakePlan({ address: 'aws_sns_topic.alarms', actions: ['update'], provider: 'aws.us-east-1-monitoring', before: { name: 'a' }, after: { name: 'b' } })));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^global\s+update in place\s+aws_sns_topic\.alarms\s+name\s+-$/m);
  });

  test('an unreadable or foreign file is one line naming the flag, exit 2', () => {
    const missing = run('--plan', '/nonexistent/plan.json');
    expect([missing.status, missing.stderr.trim()]).toEqual([2, 'plan:change: --plan /nonexistent/plan.json: cannot be read (ENOENT)']);
    const foreign = run('--plan', CLI);
    expect(foreign.status).toBe(2);
    expect(foreign.stderr.trim().split('\n')).toHaveLength(1);
  });
});
