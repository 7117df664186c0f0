import { spawn } from 'child_process';
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { RunGuard } from '../../../tools/plan-change/run-guard';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('RunGuard', () => {
  test('stop ends each tracked process group, grandchildren included (as Terraform\'s providers), and removes held folders', async () => {
    const guard = new RunGuard();
    // A shell (Terraform's stand-in) that starts a grandchild (a provider's) and ignores SIGTERM: it takes the SIGKILL.
    const child = spawn('sh', ['-c', 'trap "" TERM; sleep 60 & echo $!; wait'], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
    guard.track(child);
    const grandchild = await new Promise<number>((resolve) => child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString()))));
    const folder = mkdtempSync(join(tmpdir(), 'plan-change-guard-'));
    guard.holdFolder(folder);
    const kept = mkdtempSync(join(tmpdir(), 'plan-change-guard-'));
    guard.holdFolder(kept);
    guard.releaseFolder(kept);

    const stopped = await guard.stop();
    expect(stopped).toEqual({ processGroups: 1, folders: [folder] });
    expect([alive(child.pid!), alive(grandchild), existsSync(folder), existsSync(kept)]).toEqual([false, false, false, true]);
    expect(guard.stopped).toBe(true);
  });

  test('a process started after the stop is ended at once', async () => {
    const guard = new RunGuard();
    await guard.stop();
    const late = spawn('sleep', ['60'], { detached: true });
    const closed = new Promise((resolve) => late.once('close', (_, signal) => resolve(signal)));
    guard.track(late);
    await expect(closed).resolves.toBe('SIGKILL');
  });
});
