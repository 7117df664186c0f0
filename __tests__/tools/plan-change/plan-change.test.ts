import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { planChange, ChangePlanResult } from '../../../tools/plan-change/engine';
import { EXAMPLE_CONFIG_PATH } from '../../../src/config';
import { projectRoot } from '../../../src/project-root';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS } from '../../helpers/terraform';

// The real provider plans every change here, offline; everything runs in this one file so inits never race.

function renamedExample(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'plan-change-config-')), 'renamed.json');
  const example = JSON.parse(readFileSync(EXAMPLE_CONFIG_PATH, 'utf8')) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...example, namePrefix: 'orders-api' }));
  return file;
}

describeWithTerraform('plan:change against hashicorp/aws, offline', (terraform) => {
  let unchanged: ChangePlanResult;
  let renamed: ChangePlanResult;

  beforeAll(async () => {
    // reuseState false: the prior state must converge in this run, not come from an earlier one.
    unchanged = await planChange({ from: EXAMPLE_CONFIG_PATH, to: EXAMPLE_CONFIG_PATH, terraform, reuseState: false });
    renamed = await planChange({ from: EXAMPLE_CONFIG_PATH, to: renamedExample(), terraform });
  }, TERRAFORM_TIMEOUT_MS);

  test('the example against its own prior state plans no change: the built state converged', () => {
    expect(unchanged.priorState).toEqual({ rounds: expect.any(Number), cached: false });
    expect(unchanged.classification.changes).toEqual([]);
    expect(unchanged.classification.outage).toBe(false);
  });

  test('the second plan from the same config reuses the proven prior state', () => {
    expect(renamed.priorState).toEqual({ rounds: 0, cached: true });
  });

  // Renaming replaces every function and updates each GET integration's uri in place; the deployments hash what
  // their stage serves, so each region gets a new deployment that its stage moves to in the same apply.
  test('renaming (namePrefix) replaces the functions and redeploys every stage: no outage', () => {
    const { changes, findings, outage } = renamed.classification;
    const regions = ['us-east-1', 'us-west-2'];
    const functions = changes.filter((c) => c.type === 'aws_lambda_function');
    expect(functions.map((c) => [c.scope, c.kind]).sort()).toEqual(regions.flatMap((r) => [[r, 'replace-create-before-destroy'], [r, 'replace-create-before-destroy']]));
    expect(changes.filter((c) => c.type === 'aws_api_gateway_deployment').map((c) => [c.scope, c.kind]).sort())
      .toEqual(regions.map((r) => [r, 'replace-create-before-destroy']));
    expect(changes.filter((c) => c.type === 'aws_api_gateway_stage').map((c) => [c.scope, c.attributes.includes('deployment_id')]).sort())
      .toEqual(regions.map((r) => [r, true]));
    expect(findings.filter((f) => f.rule === 'stale-stage-snapshot')).toEqual([]);
    expect(outage).toBe(false);
  });

  test('a bad config on either side is one line from the app, naming the flag, exit 2', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'plan-change-bad-')), 'bad.json');
    writeFileSync(bad, JSON.stringify({ domainName: 5 }));
    const cli = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');
    for (const args of [['--from', bad], ['--from', EXAMPLE_CONFIG_PATH, '--to', bad]]) {
      const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toMatch(new RegExp(`^plan:change: --(from|to) ${bad}: Invalid configuration ${bad}: 3 problems; domainName: 5 must be a string`));
    }
  });
});
