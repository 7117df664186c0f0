import { chmodSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RunGuard } from '../../../tools/plan-change/run-guard';
import { initFolder } from '../../../tools/plan-change/init-folder';
import { StackModel } from '../../../tools/stack-model/stack-model';

/** A stand-in `terraform` whose init takes a while and leaves what a real one leaves: .terraform and the lock file. */
function slowInitTerraform(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mr-api-fake-tf-')), 'terraform');
  writeFileSync(path, ['#!/bin/sh', 'sleep 0.3', 'mkdir -p .terraform/providers', 'echo "# lock" > .terraform.lock.hcl', 'exit 0'].join('\n'));
  chmodSync(path, 0o755);
  return path;
}

describe('initFolder', () => {
  test('two processes initializing the same folder at once both end with the one whole folder, never a removed one', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'mr-api-init-folder-'));
    const session = { binary: { path: slowInitTerraform(), version: '1.11.4' }, cliConfigFile: '/nonexistent.tfrc' };
    const stack = { name: 'multi-region-api', dir: cache, model: new StackModel({ terraform: { required_providers: { aws: { source: 'aws' } } } }) };
    const [a, b] = await Promise.all([initFolder(session, stack, cache, new RunGuard()), initFolder(session, stack, cache, new RunGuard())]);
    expect(a).toBe(b);
    expect(existsSync(join(a, '.terraform.lock.hcl')) && existsSync(join(a, '.terraform'))).toBe(true);
    // The loser's build folder is cleaned up.
    expect(readdirSync(cache).filter((name) => name.startsWith('init-'))).toEqual([a.split('/').pop()]);
  });
});
