import { spawnSync } from 'child_process';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXAMPLE_CONFIG_PATH } from '../../../src/config';
import { projectRoot } from '../../../src/project-root';
import { describeWithTerraform } from '../../helpers/terraform';

// Convergence, the reuse of a proven state and the rename are planned with the real provider in
// scenarios/scenarios.test.ts (one prior state for every scenario). Here: the CLI's own contract.
describeWithTerraform('npm run plan:change', () => {
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
