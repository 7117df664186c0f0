import { AwsCallError, describeAwsError } from './errors';

/** Attempts the SDK makes per call: the first try and two retries (5xx, throttling, resets, timeouts). */
export const SDK_ATTEMPTS = 3;

/**
 * Client settings that bound every attempt: each may take a third of the call's budget, connecting included. The
 * clients honour AWS_ENDPOINT_URL (and AWS_ENDPOINT_URL_<SERVICE>), which is how tests point them at a fake AWS.
 */
export function boundedClientConfig(callTimeoutMs: number) {
  const attemptMs = Math.max(1, Math.floor(callTimeoutMs / SDK_ATTEMPTS));
  return {
    maxAttempts: SDK_ATTEMPTS,
    // Without throwOnRequestTimeout the handler only warns and keeps waiting.
    requestHandler: { connectionTimeout: attemptMs, requestTimeout: attemptMs, throwOnRequestTimeout: true },
  };
}

/** How long each AWS call may take, and what stops it early (a deadline, Ctrl-C, a budget of the caller's). */
export interface CallLimits {
  readonly signal: AbortSignal;
  readonly callTimeoutMs: number;
}

/**
 * Runs one AWS call under `limits`: aborted as soon as `limits.signal` aborts (rethrowing its reason), or after
 * `callTimeoutMs` whatever the SDK is doing, so a hanging endpoint never holds the caller. Any other failure is an
 * AwsCallError whose message names `action`.
 */
export async function awsCall<T>(limits: CallLimits, action: string, send: (abortSignal: AbortSignal) => Promise<T>): Promise<T> {
  if (limits.signal.aborted) throw limits.signal.reason;
  const budget = AbortSignal.timeout(limits.callTimeoutMs);
  try {
    return await send(AbortSignal.any([limits.signal, budget]));
  } catch (error) {
    if (limits.signal.aborted) throw limits.signal.reason;
    if (budget.aborted) {
      throw new AwsCallError('timeout', `${action}: AWS did not answer within ${limits.callTimeoutMs / 1000} s (${SDK_ATTEMPTS} attempts)`);
    }
    throw describeAwsError(error, action);
  }
}
