import { changesBetween } from './function-changes';
import { DrillRun } from './drill-run';
import { FunctionChanged, FunctionState, readSettled, statusOf, writeStatus } from './function-status';

const CONFLICT_PAUSE_MS = 1000;
/** Updates by others the fail step reads past before it gives up. */
const MAX_CONFLICTS = 5;

/** What the restore needs of the fail step, kept current as it goes (it may stop half-way). */
export interface FailRecord {
  /** The STATUS that the drill's STATUS=fail overwrites; undefined when the function had none. */
  statusBefore: string | undefined;
  /** The function as the drill last saw it: as read before its write, then as it was once STATUS=fail was applied. */
  lastSeen: FunctionState;
  /** Whether the drill's STATUS=fail is known to be applied (`lastSeen` is then the function right after it). */
  failConfirmed: boolean;
}

export function failRecord(read: FunctionState): FailRecord {
  return { statusBefore: statusOf(read), lastSeen: read, failConfirmed: false };
}

/**
 * Sets STATUS=fail and changes nothing else, naming the RevisionId it read; when someone else updated the function in
 * between, it reads it again, says what changed, and sets STATUS=fail on the function as it is now.
 */
export async function setFailStatus(run: DrillRun, record: FailRecord): Promise<void> {
  const { lambda, clock, log } = run.deps;
  const fn = run.scope.target.healthFunctionName;
  for (let conflicts = 0; ; conflicts += 1) {
    try {
      record.lastSeen = await writeStatus(lambda, clock, run.limits, fn, record.lastSeen, 'fail');
      record.failConfirmed = true;
      return;
    } catch (error) {
      if (!(error instanceof FunctionChanged) || conflicts >= MAX_CONFLICTS) throw error;
    }
    await clock.sleep(CONFLICT_PAUSE_MS, run.limits.signal);
    const now = await readSettled(lambda, clock, run.limits, fn);
    // A write of ours that landed although its answer was lost (the SDK's retry then names an old RevisionId).
    if (statusOf(now) === 'fail') {
      Object.assign(record, { lastSeen: now, failConfirmed: true });
      return;
    }
    const changes = changesBetween(record.lastSeen, now, true);
    if (changes.length > 0) log(`  note: ${fn} changed since the drill read it (${changes.join('; ')}): STATUS=fail goes on it as it is now`);
    Object.assign(record, { lastSeen: now, statusBefore: statusOf(now) });
  }
}
