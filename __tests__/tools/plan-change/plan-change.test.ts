import { spawnSync } from 'child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLE_CONFIG_PATH } from '../../../src/config';
import { projectRoot } from '../../../src/project-root';
import { describeWithTerraform } from '../../helpers/terraform';

const CLI = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');

/** Runs the CLI with a cache of its own (so nothing here is slowed by, or leaves anything in, the shared one). */
function run(cache: string, ...args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, PLAN_CHANGE_CACHE_DIR: cache } });
}

// Convergence, the reuse of a proven state and the rename are planned with the real provider in
// scenarios/scenarios.test.ts (one prior state for every scenario); Ctrl-C and the cache in interrupt.test.ts.
// Here: the CLI's own contract, for inputs refused before any Terraform command runs.
describeWithTerraform('npm run plan:change', () => {
  const dir = mkdtempSync(join(tmpdir(), 'plan-change-cli-'));

  test('a bad config on either side is one line from the app, naming the flag, exit 2; the other side\'s synth ends before '
    + 'the run folder goes (nothing left, no crash)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ domainName: 5 }));
    for (const args of [['--from', bad], ['--from', EXAMPLE_CONFIG_PATH, '--to', bad]]) {
      const cache = mkdtempSync(join(dir, 'cache-'));
      const result = run(cache, ...args);
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toMatch(new RegExp(`^plan:change: --(from|to) ${bad}: Invalid configuration ${bad}: 3 problems; domainName: 5 must be a string`));
      expect(readdirSync(cache)).toEqual([]);
    }
  });

  test('a region dropped from regions without retiredRegions: one line pointing at retiredRegions, exit 2, nothing left behind', () => {
    const config = { domainName: 'api.example.com', hostedZoneId: 'Z0123456789EXAMPLE01', state: { backend: 'local' } };
    const [from, to] = ['from.json', 'to.json'].map((name) => join(dir, name));
    writeFileSync(from, JSON.stringify({ ...config, regions: ['us-east-1', 'us-west-2'] }));
    writeFileSync(to, JSON.stringify({ ...config, regions: ['us-west-2'] }));
    const cache = mkdtempSync(join(dir, 'cache-'));
    const result = run(cache, '--from', from, '--to', to);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(
      new RegExp(`^plan:change: --to ${to}: us-east-1 left regions, but the live stack has \\d+ resources there .*: list it in retiredRegions for one apply`),
    )]);
    expect(readdirSync(cache)).toEqual([]);
  });
});
