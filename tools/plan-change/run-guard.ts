import { ChildProcess } from 'child_process';
import { rmSync } from 'fs';

/** How long the processes of a stopped run get to end on SIGTERM before they are killed. */
const GRACE_MS = 3000;
const POLL_MS = 50;

/** What a stop ended and removed. */
export interface Stopped {
  readonly processGroups: number;
  readonly folders: readonly string[];
}

/**
 * What a run of plan:change must not leave behind when it stops half-way (Ctrl-C, SIGTERM): its child processes and
 * the folders only it uses. Each child runs in a process group of its own (spawned `detached`), so ending the group
 * also ends the provider processes Terraform started (each loads a ~700 MB provider). The cache never needs cleaning:
 * its entries appear whole, by rename, or not at all.
 */
export class RunGuard {
  private readonly groups = new Set<number>();
  private readonly folders = new Set<string>();
  private stopping = false;

  /** True once `stop` was called: errors from processes it ended are its doing, not the run's result. */
  get stopped(): boolean {
    return this.stopping;
  }

  /** Ends the child's process group when the run stops (the child must be spawned `detached`). */
  track(child: ChildProcess): void {
    const group = child.pid;
    if (group === undefined) return;
    if (this.stopping) {
      signalGroup(group, 'SIGKILL');
      return;
    }
    this.groups.add(group);
    // A group whose leader exited normally is empty (Terraform ends its providers); keep it only if something is left.
    child.once('close', () => {
      if (!groupAlive(group)) this.groups.delete(group);
    });
  }

  /** A folder this run alone uses (removed when it stops). */
  holdFolder(dir: string): void {
    this.folders.add(dir);
  }

  /** The folder is no longer this run's alone (renamed into the cache, or removed). */
  releaseFolder(dir: string): void {
    this.folders.delete(dir);
  }

  /** Ends every process group (SIGTERM, then SIGKILL after a grace period) and removes the folders. */
  async stop(): Promise<Stopped> {
    this.stopping = true;
    const groups = [...this.groups].filter(groupAlive);
    groups.forEach((group) => signalGroup(group, 'SIGTERM'));
    await waitUntil(() => !groups.some(groupAlive), GRACE_MS);
    groups.filter(groupAlive).forEach((group) => signalGroup(group, 'SIGKILL'));
    await waitUntil(() => !groups.some(groupAlive), GRACE_MS);
    const folders = [...this.folders];
    for (const dir of folders) rmSync(dir, { recursive: true, force: true });
    return { processGroups: groups.length, folders };
  }
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // ESRCH: the group ended meanwhile.
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}
