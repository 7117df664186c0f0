import { LambdaClient } from '@aws-sdk/client-lambda';
import { Clock } from './clock';
import { DrillError } from './errors';
import { STATUS_VARIABLE, writeEnvironment } from './function-status';

/** The restore may take this many call timeouts in all, whatever stopped the drill. */
export const RESTORE_CALL_BUDGETS = 4;
const RETRY_PAUSE_MS = 500;

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
  /** The function's whole environment before the drill. */
  readonly environment: Record<string, string>;
  readonly callTimeoutMs: number;
}

/**
 * Writes the original environment back, retrying any failure, within RESTORE_CALL_BUDGETS call timeouts of its own
 * (the drill's deadline or an interrupt may already have passed). RestoreFailed carries the command to run by hand.
 */
export async function restoreEnvironment(target: RestoreTarget, whyStopped?: unknown): Promise<void> {
  const budgetMs = target.callTimeoutMs * RESTORE_CALL_BUDGETS;
  const signal = AbortSignal.timeout(budgetMs);
  let lastError: unknown;
  for (let attempt = 1; attempt <= RESTORE_CALL_BUDGETS && !signal.aborted; attempt++) {
    try {
      await writeEnvironment(target.lambda, target.clock, { signal, callTimeoutMs: target.callTimeoutMs }, target.functionName, target.environment);
      return;
    } catch (error) {
      lastError = error;
      await target.clock.sleep(RETRY_PAUSE_MS, signal).catch(() => undefined);
    }
  }
  const cause = signal.aborted && !(lastError instanceof DrillError) ? `no confirmation within ${budgetMs / 1000} s` : (lastError as Error).message;
  throw new RestoreFailed([
    `RESTORE FAILED: ${STATUS_VARIABLE} on ${target.functionName} in ${target.region} may still be "fail" (${cause}).`,
    'Restore it by hand (this puts back every variable it had before the drill):',
    `  ${manualRestoreCommand(target)}`,
    ...(whyStopped ? [`The drill had stopped because: ${(whyStopped as Error).message}`] : []),
  ].join('\n'));
}

/** The aws CLI command that writes the original environment back. */
export function manualRestoreCommand(target: Pick<RestoreTarget, 'region' | 'functionName' | 'environment'>): string {
  const environment = JSON.stringify({ Variables: target.environment });
  return `aws lambda update-function-configuration --region ${shellQuote(target.region)} `
    + `--function-name ${shellQuote(target.functionName)} --environment ${shellQuote(environment)}`;
}

function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
