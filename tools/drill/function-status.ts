import {
  FunctionConfiguration, GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { awsCall, CallLimits } from '../aws/call';
import { AwsCallError } from '../aws/errors';
import { Clock } from '../cli/clock';
import { DrillError } from './errors';

export const STATUS_VARIABLE = 'STATUS';
const POLL_MS = 1000;
const UPDATE_TIMEOUT_MS = 60_000;

/** The health function as one read saw it: what the drill changes, and what tells it that someone else changed it. */
export interface FunctionState {
  readonly environment: Readonly<Record<string, string>>;
  /** Moves with every update of the function; an update naming an older one is refused (PreconditionFailedException). */
  readonly revisionId?: string;
  readonly codeSha256?: string;
  /** `InProgress` while Lambda applies an update, `Failed` when it could not. */
  readonly lastUpdateStatus?: string;
  readonly lastUpdateStatusReason?: string;
}

/** The function changed since the state the drill meant to update was read, or an update is still being applied. */
export class FunctionChanged extends DrillError {
  constructor(functionName: string, awsErrorName: string) {
    super(`${functionName} changed since the drill read it (${awsErrorName})`);
    this.name = 'FunctionChanged';
  }
}

/** PreconditionFailed: the RevisionId moved. ResourceConflict: an update is in progress (someone else's, or ours). */
const CONFLICTS = new Set(['PreconditionFailedException', 'ResourceConflictException']);

export function statusOf(state: FunctionState): string | undefined {
  return Object.hasOwn(state.environment, STATUS_VARIABLE) ? state.environment[STATUS_VARIABLE] : undefined;
}

/** `STATUS=fail`, or `STATUS=(unset)` when the variable is absent. */
export function statusSetting(status: string | undefined): string {
  return `${STATUS_VARIABLE}=${status ?? '(unset)'}`;
}

/** `environment` with only STATUS set to `status`, or removed when `status` is undefined. */
export function withStatus(environment: Readonly<Record<string, string>>, status: string | undefined): Record<string, string> {
  if (status !== undefined) return { ...environment, [STATUS_VARIABLE]: status };
  const others = { ...environment };
  delete others[STATUS_VARIABLE];
  return others;
}

export async function readFunction(lambda: LambdaClient, limits: CallLimits, functionName: string): Promise<FunctionState> {
  const config = await awsCall(limits, `reading Lambda function ${functionName}`,
    (abortSignal) => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }), { abortSignal }));
  return stateOf(config);
}

function stateOf(config: FunctionConfiguration): FunctionState {
  return {
    environment: { ...config.Environment?.Variables },
    revisionId: config.RevisionId,
    codeSha256: config.CodeSha256,
    lastUpdateStatus: config.LastUpdateStatus,
    lastUpdateStatusReason: config.LastUpdateStatusReason,
  };
}

/**
 * Sets STATUS on the function as `from` saw it, every other variable as `from` read it, and only while the function is
 * still at `from.revisionId` (FunctionChanged otherwise: read it again); then waits until Lambda has applied the update
 * and returns the function as it is then.
 */
export async function writeStatus(
  lambda: LambdaClient, clock: Clock, limits: CallLimits, functionName: string, from: FunctionState, status: string | undefined,
): Promise<FunctionState> {
  const setting = statusSetting(status);
  try {
    await awsCall(limits, `setting ${setting} on ${functionName}`, (abortSignal) => lambda.send(new UpdateFunctionConfigurationCommand({
      FunctionName: functionName, Environment: { Variables: withStatus(from.environment, status) }, RevisionId: from.revisionId,
    }), { abortSignal }));
  } catch (error) {
    const name = error instanceof AwsCallError ? error.awsErrorName : undefined;
    throw name !== undefined && CONFLICTS.has(name) ? new FunctionChanged(functionName, name) : error;
  }
  const applied = await readSettled(lambda, clock, limits, functionName);
  if (applied.lastUpdateStatus === 'Failed') {
    throw new DrillError(`Lambda could not apply ${setting} to ${functionName}: ${applied.lastUpdateStatusReason ?? 'no reason given'}`);
  }
  return applied;
}

/** Reads the function until Lambda is no longer applying an update to it. */
export async function readSettled(lambda: LambdaClient, clock: Clock, limits: CallLimits, functionName: string): Promise<FunctionState> {
  const deadline = clock.now() + UPDATE_TIMEOUT_MS;
  for (;;) {
    const state = await readFunction(lambda, limits, functionName);
    if (state.lastUpdateStatus !== 'InProgress') return state;
    if (clock.now() >= deadline) throw new DrillError(`${functionName} still updating after ${UPDATE_TIMEOUT_MS / 1000} s`);
    await clock.sleep(POLL_MS, limits.signal);
  }
}
