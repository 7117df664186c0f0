import {
  GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { awsCall, CallLimits } from './aws-call';
import { Clock } from './clock';
import { DrillError } from './errors';

export const STATUS_VARIABLE = 'STATUS';
const POLL_MS = 1000;
const UPDATE_TIMEOUT_MS = 60_000;

/** The health function's environment, read before the drill changes it. */
export async function readEnvironment(lambda: LambdaClient, limits: CallLimits, functionName: string): Promise<Record<string, string>> {
  const config = await awsCall(limits, `reading Lambda function ${functionName}`,
    (abortSignal) => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }), { abortSignal }));
  return { ...config.Environment?.Variables };
}

/**
 * Writes the function's whole environment (UpdateFunctionConfiguration replaces it, so callers pass every variable),
 * then waits until Lambda has applied it. A concurrent update (ResourceConflictException) is retried until the deadline;
 * every call is bounded by `limits`.
 */
export async function writeEnvironment(
  lambda: LambdaClient, clock: Clock, limits: CallLimits, functionName: string, variables: Record<string, string>,
): Promise<void> {
  const status = `${STATUS_VARIABLE}=${variables[STATUS_VARIABLE] ?? '(unset)'}`;
  const deadline = clock.now() + UPDATE_TIMEOUT_MS;
  for (;;) {
    try {
      await awsCall(limits, `setting ${status} on ${functionName}`, (abortSignal) => lambda.send(new UpdateFunctionConfigurationCommand({
        FunctionName: functionName, Environment: { Variables: variables },
      }), { abortSignal }));
      break;
    } catch (error) {
      if (!/ResourceConflictException/.test((error as Error).message) || clock.now() >= deadline) throw error;
      await clock.sleep(POLL_MS, limits.signal);
    }
  }
  for (;;) {
    const config = await awsCall(limits, `reading ${functionName}`,
      (abortSignal) => lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }), { abortSignal }));
    if (config.LastUpdateStatus === 'Failed') {
      throw new DrillError(`Lambda could not apply ${status} to ${functionName}: ${config.LastUpdateStatusReason ?? 'no reason given'}`);
    }
    if (config.LastUpdateStatus !== 'InProgress') return;
    if (clock.now() >= deadline) throw new DrillError(`${functionName} still updating after ${UPDATE_TIMEOUT_MS / 1000} s`);
    await clock.sleep(POLL_MS, limits.signal);
  }
}
