import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../src/project-root';
import { fakePlan, REPLACE_CBD } from './risk/fake-plan';
import { MALFORMED_PLANS, expectedLine, planWith, textOf } from './risk/malformed-plans';

const CLI = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');

function run(...args: string[]) {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

/** A plan file: `plan` with the format version and planned values a plan has, or (`raw`) the text `textOf` gives. */
function planFile(plan: object, raw = false): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-change-plan-')), 'plan.json');
  writeFileSync(file, raw ? textOf(plan) : JSON.stringify({ format_version: '1.2', planned_values: {}, ...plan }));
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

  test.each(MALFORMED_PLANS)('a plan file of the wrong shape ($name): one line naming the path in the JSON, exit 2, no stack trace', ({ plan, line }) => {
    const file = planFile(plan as object, true);
    const result = run('--plan', file);
    expect([result.status, result.stdout, result.stderr.trim().split('\n')]).toEqual([2, '', [expectedLine(`plan:change: --plan ${file}: `, line)]]);
  });

  test('an action list it does not know is an error (exit 2), never "No changes"', () => {
    const file = planFile(planWith({ actions: ['create', 'update'] }), true);
    const result = run('--plan', file, '--json');
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr.trim()).toMatch(/^plan:change: --plan \S+: resource_changes\[0\]\.change\.actions: \["create","update"\] is not an action list Terraform 1\.11 plans \(known: [^)]+\)$/);
  });
});

describe('plan:change flags (through tools/cli)', () => {
  test('an unknown flag, a missing --from and --plan with --from are one line each, exit 2', () => {
    for (const [args, line] of [
      [['--frm', 'a.json'], "plan:change: Unknown option '--frm' (see --help)"],
      [[], 'plan:change: give --from <config> (or --plan <file>) (see --help)'],
      [['--plan', 'p.json', '--from', 'a.json'], 'plan:change: --plan classifies a plan file on its own: drop --from/--to/--from-app/--waves (see --help)'],
    ] as const) {
      const result = run(...args);
      expect([result.status, result.stderr.trim()]).toEqual([2, line]);
    }
  });

  test('--help prints the usage with the exit codes, exit 0', () => {
    const result = run('--help');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: npm run plan:change -- --from <config A>[\s\S]*130 stopped by Ctrl-C \(SIGINT\) or SIGTERM\.\n$/);
  });
});
