import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../../src/app';
import { EXAMPLE_CONFIG_PATH, loadConfig } from '../../../src/config';
import { allRules } from '../../../tools/policy/rules';
import { checkStacks, formatReport } from '../../../tools/policy/run';
import { readSynthesizedStacks } from '../../../tools/stack-model/synthesized-stacks';
import { projectRoot } from '../../../src/project-root';
import { FIVE_REGIONS, testConfig } from '../../helpers/config';

/** Synthesizes the whole app (every stack) as `npm run check:policy` does. */
function synthesizedStacks(config = loadConfig(join(projectRoot(), EXAMPLE_CONFIG_PATH))) {
  const outdir = mkdtempSync(join(tmpdir(), 'policy-example-'));
  buildApp(config, outdir).app.synth();
  return readSynthesizedStacks(outdir);
}

describe('policy on the synthesized app', () => {
  test('the example configuration has 0 violations on every stack', () => {
    const stacks = synthesizedStacks();
    const rules = allRules();
    const report = checkStacks(stacks, rules);
    expect(formatReport(report, stacks.map((s) => s.name), rules.length)).toMatch(/^0 violations, 0 waived;/);
  });

  test('five regions with CNAME records and alarm emails have 0 violations too', () => {
    const config = testConfig({ regions: FIVE_REGIONS, dns: { recordType: 'CNAME', ttl: 30 }, alarms: { emails: ['ops@example.com'] } });
    const report = checkStacks(synthesizedStacks(config), allRules());
    expect(report.violations.map((f) => `${f.rule.id} ${f.address}: ${f.message}`)).toEqual([]);
  });
});
