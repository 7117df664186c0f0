import { readdirSync, readFileSync, readlinkSync } from 'fs';

/** One process as Linux's /proc shows it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  /** R, S, Z (a zombie: ended, not yet reaped) ... */
  readonly state: string;
  readonly args: readonly string[];
  readonly cwd: string;
}

/** Whether /proc is there to read (Linux). */
export const HAS_PROC = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: the fields after it follow the last ')'.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    let cwd = '';
    try {
      cwd = readlinkSync(`/proc/${pid}/cwd`);
    } catch {
      // a zombie, or gone meanwhile
    }
    return { pid, ppid: Number(ppid), state, args, cwd };
  } catch {
    return undefined;
  }
}

/** Every process there is now. */
export function allProcesses(): ProcessInfo[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).flatMap((name) => readProcess(Number(name)) ?? []);
}

/** The processes below `pid` (children, their children ...), whatever process group they run in. */
export function descendantsOf(pid: number, processes = allProcesses()): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  const parents = new Set([pid]);
  let added = true;
  while (added) {
    added = false;
    for (const p of processes) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        added = true;
      }
    }
  }
  return found;
}

/** Live (not zombie) processes that work in `dir` or name it on their command line. */
export function processesIn(dir: string): ProcessInfo[] {
  return allProcesses().filter((p) => p.state !== 'Z' && (p.cwd.startsWith(dir) || p.args.some((a) => a.includes(dir))));
}

/** Those of `processes` still running (not zombies; the same command, so a reused pid does not count). */
export function stillRunning(processes: readonly ProcessInfo[]): ProcessInfo[] {
  return processes.filter((p) => {
    const now = readProcess(p.pid);
    return now !== undefined && now.state !== 'Z' && now.args.join(' ') === p.args.join(' ');
  });
}
