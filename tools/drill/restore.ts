import { LambdaClient } from '@aws-sdk/client-lambda';
import { CallLimits } from '../aws/call';
import { Clock } from '../cli/clock';
import { AwsCallError } from '../aws/errors';
import { DrillError } from './errors';
import { changesBetween, mergeChanges } from './function-changes';
import {
  FunctionChanged, FunctionState, readSettled, statusOf, STATUS_VARIABLE, withStatus, writeStatus,
} from './function-status';

/** The restore may take this many call timeouts in all, whatever stopped the drill; the last one reads back. */
export const RESTORE_CALL_BUDGETS = 4;
const RETRY_PAUSE_MS = 500;
/** Updates by others (or still being applied) the restore reads past before it gives up. */
const MAX_CONFLICTS = 10;

/** The restore could not be confirmed: the message says what to run by hand. */
export class RestoreFailed extends DrillError {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreFailed';
  }
}

export interface RestoreTarget {
  readonly lambda: LambdaClient;
  readonly clock: Clock;
  readonly region: string;
  readonly functionName: string;
  readonly callTimeoutMs: number;
  /** STATUS before the drill set it to fail; undefined when the function had none. */
  readonly status: string | undefined;
  /** The function as the drill last saw it: right after its STATUS=fail was applied, or as read before that write. */
  readonly lastSeen: FunctionState;
  /** Whether `lastSeen` is the function right after the drill's own STATUS=fail, confirmed applied. */
  readonly failConfirmed: boolean;
}

export interface RestoreOutcome {
  /**
   * `restored`: the drill set STATUS back (read back when its answer was lost). `already`: STATUS was back before the
   * restore wrote anything (the drill's STATUS=fail never landed, or someone else put it back). `left`: someone else
   * set STATUS to another value during the drill, which it keeps.
   */
  readonly result: 'restored' | 'already' | 'left';
  /** STATUS as the restore left it. */
  readonly status: string | undefined;
  /** What others changed on the function during the drill (all of it kept), one phrase each. */
  readonly othersChanged: readonly string[];
}

/**
 * Sets STATUS back, and nothing else: it reads the function, writes only while STATUS is still the drill's "fail",
 * naming the RevisionId it read, and reads again after any conflict or failure before it judges. Runs within
 * RESTORE_CALL_BUDGETS call timeouts of its own (the drill's deadline or an interrupt may have passed).
 */
export async function restoreStatus(target: RestoreTarget, whyStopped?: unknown): Promise<RestoreOutcome> {
  const restore = new Restore(target);
  const outcome = await restore.attempt() ?? await restore.readBack();
  if (outcome) return outcome;
  throw restore.failure(whyStopped);
}

class Restore {
  private firstRead?: FunctionState;
  /** Whether a write of the restore may have landed (its answer an error): STATUS back then counts as restored. */
  private wrote = false;
  private lastRead?: FunctionState;
  private lastError: unknown;
  private readonly loop: AbortSignal;

  constructor(private readonly target: RestoreTarget) {
    this.loop = AbortSignal.timeout(target.callTimeoutMs * (RESTORE_CALL_BUDGETS - 1));
  }

  async attempt(): Promise<RestoreOutcome | undefined> {
    const { lambda, clock, functionName, status } = this.target;
    const limits: CallLimits = { signal: this.loop, callTimeoutMs: this.target.callTimeoutMs };
    for (let failures = 0, conflicts = 0; !this.loop.aborted && failures < RESTORE_CALL_BUDGETS && conflicts <= MAX_CONFLICTS;) {
      try {
        const now = await this.read(limits);
        const settled = this.settled(now);
        if (settled) return settled;
        this.wrote = true;
        await writeStatus(lambda, clock, limits, functionName, now, status);
        return this.outcome('restored', now);
      } catch (error) {
        this.lastError = error;
        if (error instanceof FunctionChanged) conflicts += 1;
        else failures += 1;
        await clock.sleep(RETRY_PAUSE_MS, this.loop).catch(() => undefined);
      }
    }
    return undefined;
  }

  /** One last read, with the budget the attempts left for it: the function may hold the right STATUS already. */
  async readBack(): Promise<RestoreOutcome | undefined> {
    const limits = { signal: AbortSignal.timeout(this.target.callTimeoutMs), callTimeoutMs: this.target.callTimeoutMs };
    try {
      return this.settled(await this.read(limits));
    } catch (error) {
      this.lastError ??= error;
      return undefined;
    }
  }

  failure(whyStopped: unknown): RestoreFailed {
    const budgetS = (this.target.callTimeoutMs * RESTORE_CALL_BUDGETS) / 1000;
    const explained = this.lastError instanceof DrillError || this.lastError instanceof AwsCallError;
    const cause = explained ? (this.lastError as Error).message : `no confirmation within ${budgetS} s`;
    return new RestoreFailed([
      `RESTORE FAILED: ${STATUS_VARIABLE} on ${this.target.functionName} in ${this.target.region} may still be "fail" (${cause}).`,
      `Restore it by hand (sets ${STATUS_VARIABLE} back, every other variable as last read; Lambda refuses it if the function changed since):`,
      `  ${manualRestoreCommand(this.target, this.lastRead ?? this.target.lastSeen)}`,
      ...(whyStopped ? [`The drill had stopped because: ${(whyStopped as Error).message}`] : []),
    ].join('\n'));
  }

  private async read(limits: CallLimits): Promise<FunctionState> {
    const now = await readSettled(this.target.lambda, this.target.clock, limits, this.target.functionName);
    this.firstRead ??= now;
    this.lastRead = now;
    return now;
  }

  /** Done without a write: STATUS is back, or someone else set it to a value the drill never writes. */
  private settled(now: FunctionState): RestoreOutcome | undefined {
    const status = statusOf(now);
    if (now.lastUpdateStatus === 'Failed' || status === 'fail') return undefined;
    if (status !== this.target.status) return this.outcome('left', now);
    return this.outcome(this.wrote ? 'restored' : 'already', now);
  }

  private outcome(result: RestoreOutcome['result'], now: FunctionState): RestoreOutcome {
    const { lastSeen, failConfirmed } = this.target;
    return {
      result,
      status: result === 'restored' ? this.target.status : statusOf(now),
      othersChanged: mergeChanges(changesBetween(lastSeen, this.firstRead ?? now, failConfirmed), changesBetween(lastSeen, now, false)),
    };
  }
}

/** The aws CLI command that sets STATUS back on the function as last read, only if it has not changed since. */
export function manualRestoreCommand(
  target: Pick<RestoreTarget, 'region' | 'functionName' | 'status'>, lastRead: FunctionState,
): string {
  const environment = JSON.stringify({ Variables: withStatus(lastRead.environment, target.status) });
  return `aws lambda update-function-configuration --region ${shellQuote(target.region)} `
    + `--function-name ${shellQuote(target.functionName)} --environment ${shellQuote(environment)}`
    + (lastRead.revisionId ? ` --revision-id ${shellQuote(lastRead.revisionId)}` : '');
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
