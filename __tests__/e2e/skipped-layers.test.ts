import { spawnSync } from 'child_process';
import { join } from 'path';
import { projectRoot } from '../../src/project-root';

// Runs jest itself on the two layers that need tools, with both tools made unfindable.
const JEST = join(projectRoot(), 'node_modules', 'jest', 'bin', 'jest.js');
const LAYERS = ['__tests__/tools/terraform/stack-proof.test.ts', '__tests__/e2e/failover-chromium.test.ts'];
jest.setTimeout(120_000);

function jestWithoutTools(ci: string | undefined) {
  const env: NodeJS.ProcessEnv = { ...process.env, TERRAFORM_BINARY: '/nonexistent/terraform', CHROMIUM_PATH: '/nonexistent/chromium' };
  delete env.CI;
  if (ci) env.CI = ci;
  return spawnSync(process.execPath, [JEST, '--runInBand', '--runTestsByPath', ...LAYERS], { cwd: projectRoot(), encoding: 'utf8', env });
}

test('without Terraform or Chromium (CI unset): one line per skipped layer says what is missing and how to install it', () => {
  const run = jestWithoutTools(undefined);
  expect(run.status).toBe(0);
  const skipped = run.stderr.split('\n').filter((line) => line.startsWith('skipped: '));
  // Jest may report the two layers in either order.
  expect(skipped).toHaveLength(2);
  expect(skipped).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^skipped: .+: Terraform not found \(tried "\/nonexistent\/terraform"\): install Terraform .+ or set TERRAFORM_BINARY/),
      'skipped: the browser client in headless Chromium: Chromium not found (install it with `apt-get install -y chromium`, or set CHROMIUM_PATH)',
    ]),
  );
});

test('under CI=true the missing tools fail the run', () => {
  const run = jestWithoutTools('true');
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/Tests: +2 failed, 2 total/);
  expect(run.stderr).toContain('(CI=true: this layer must run)');
});
