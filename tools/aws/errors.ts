/**
 * Why an AWS call failed, as one line a tool can print as it is. `kind` lets a caller decide without parsing the
 * message: `timeout` (no answer within the call's budget), `credentials` (none found, or rejected), `not-found`, or
 * `failed` (any other error AWS or the network returned).
 */
export type AwsFailureKind = 'timeout' | 'credentials' | 'not-found' | 'failed';

export class AwsCallError extends Error {
  /** `awsErrorName`: the SDK error's name (`PreconditionFailedException`), for callers that act on one. */
  constructor(readonly kind: AwsFailureKind, message: string, readonly awsErrorName?: string) {
    super(message);
    this.name = 'AwsCallError';
  }
}

/** Turns an AWS SDK error into one line naming `action`; credentials problems get their own explanation. */
export function describeAwsError(error: unknown, action: string): AwsCallError {
  if (error instanceof AwsCallError) return error;
  const { name, message } = error as { name?: string; message?: string };
  if (name === 'CredentialsProviderError' || /Could not load credentials|credential/i.test(message ?? '')) {
    return new AwsCallError('credentials',
      `no AWS credentials for ${action}: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (${message ?? name})`);
  }
  if (name === 'ExpiredTokenException' || name === 'UnrecognizedClientException' || name === 'InvalidClientTokenId') {
    return new AwsCallError('credentials', `AWS rejected the credentials for ${action}: ${message ?? name}`);
  }
  if (name === 'ResourceNotFoundException' || name === 'NoSuchHealthCheck' || name === 'ResourceNotFound') {
    return new AwsCallError('not-found', `${action}: not found (${message ?? name}); is the stack deployed in this account?`, name);
  }
  return new AwsCallError('failed', `${action} failed: ${name ?? 'Error'}: ${message ?? String(error)}`, name);
}
