import { ChildProcess, spawn } from 'child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from '../../../../src/project-root';
import { descendantsOf, HAS_PROC, ProcessInfo, stillRunning } from '../processes';

const CLI = join(projectRoot(), 'dist', 'tools', 'plan-change', 'cli.js');
const BASE = { domainName: 'api.example.com', hostedZoneId: 'Z0123456789EXAMPLE01', regions: ['us-east-1', 'us-west-2'], state: { backend: 'local' } };

/** A terraform that says its version and then, for any command, waits: the dry run is stopped while "Terraform" runs. */
const FAKE_TERRAFORM = `#!/bin/sh
if [ "$1" = version ]; then echo '{"terraform_version":"1.11.4"}'; exit 0; fi
exec sleep 60
`;

describe('plan:change --waves stopped by Ctrl-C', () => {
  if (!HAS_PROC) {
    test.skip('reads /proc to see which processes a run left: Linux only', () => undefined);
    return;
  }

  test('while Terraform runs: exit 130 with one line; no process, no synth folder and no run folder left', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waves-interrupt-'));
    const [runTmp, cache] = ['tmp', 'cache'].map((name) => mkdtempSync(join(dir, `${name}-`)));
    const fake = join(dir, 'terraform');
    writeFileSync(fake, FAKE_TERRAFORM);
    chmodSync(fake, 0o755);
    const [from, to] = ['from.json', 'to.json'].map((name) => join(dir, name));
    writeFileSync(from, JSON.stringify(BASE));
    writeFileSync(to, JSON.stringify({ ...BASE, lambda: { memoryMb: 256 } }));

    const child: ChildProcess = spawn(process.execPath, [CLI, '--from', from, '--to', to, '--waves', 'us-east-1,us-west-2'], {
      env: { ...process.env, TERRAFORM_BINARY: fake, PLAN_CHANGE_CACHE_DIR: cache, TMPDIR: runTmp },
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const seen = new Map<number, ProcessInfo>();
    const watch = setInterval(() => {
      const below = descendantsOf(child.pid!);
      below.forEach((p) => seen.set(p.pid, p));
      if (below.some((p) => p.args[0] === 'sleep')) {
        clearInterval(watch);
        child.kill('SIGINT');
      }
    }, 25);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearInterval(watch);

    expect([code, stderr.trim().split('\n')]).toEqual([130, [expect.stringMatching(/^plan:change: stopped by SIGINT: ended \d+ process group\(s\) .*removed \d+ folder\(s\) of this run/)]]);
    expect([...seen.values()].some((p) => p.args[0] === 'sleep')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stillRunning([...seen.values()]).map((p) => p.args.join(' '))).toEqual([]);
    // The synth's bundle cache (src/bundling.ts) stays: it is meant to outlive runs.
    expect(readdirSync(runTmp).filter((name) => name !== 'multi-region-api-bundles')).toEqual([]);
    expect(readdirSync(cache).filter((name) => /^run-|\.building-|\.tmp$/.test(name))).toEqual([]);
  }, 60_000);
});
