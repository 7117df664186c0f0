import {
  GetFunctionConfigurationCommand, LambdaClient, UpdateFunctionConfigurationCommand,
} from '@aws-sdk/client-lambda';
import { Clock } from './clock';
import { describeAwsError, DrillError } from './errors';

export const STATUS_VARIABLE = 'STATUS';
const POLL_MS = 1000;
const UPDATE_TIMEOUT_MS = 60_000;

/** The health function's environment, read before the drill changes it. */
export async function readEnvironment(lambda: LambdaClient, functionName: string): Promise<Record<string, string>> {
  try {
    const config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    return { ...config.Environment?.Variables };
  } catch (error) {
    throw describeAwsError(error, `reading Lambda function ${functionName}`);
  }
}

/**
 * Writes the function's whole environment (UpdateFunctionConfiguration replaces it, so callers pass every variable),
 * then waits until Lambda has applied it. A concurrent update (ResourceConflictException) is retried until the deadline.
 */
export async function writeEnvironment(
  lambda: LambdaClient, clock: Clock, functionName: string, variables: Record<string, string>, signal?: AbortSignal,
): Promise<void> {
  const status = `${STATUS_VARIABLE}=${variables[STATUS_VARIABLE] ?? '(unset)'}`;
  const deadline = clock.now() + UPDATE_TIMEOUT_MS;
  for (;;) {
    try {
      await lambda.send(new UpdateFunctionConfigurationCommand({
        FunctionName: functionName, Environment: { Variables: variables },
      }));
      break;
    } catch (error) {
      if ((error as { name?: string }).name !== 'ResourceConflictException' || clock.now() >= deadline) {
        throw describeAwsError(error, `setting ${status} on ${functionName}`);
      }
      await clock.sleep(POLL_MS, signal);
    }
  }
  for (;;) {
    let config;
    try {
      config = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: functionName }));
    } catch (error) {
      throw describeAwsError(error, `reading ${functionName}`);
    }
    if (config.LastUpdateStatus === 'Failed') {
      throw new DrillError(`Lambda could not apply ${status} to ${functionName}: ${config.LastUpdateStatusReason ?? 'no reason given'}`);
    }
    if (config.LastUpdateStatus !== 'InProgress') return;
    if (clock.now() >= deadline) throw new DrillError(`${functionName} still updating after ${UPDATE_TIMEOUT_MS / 1000} s`);
    await clock.sleep(POLL_MS, signal);
  }
}
