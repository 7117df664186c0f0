/** A failure the drill explains in one line (no stack trace): an unreadable file, missing credentials, a phase timing out. */
export class DrillError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DrillError';
  }
}

/** Ctrl-C (SIGINT) or SIGTERM during the drill. */
export class DrillInterrupted extends DrillError {
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'DrillInterrupted';
  }
}

/** Turns an AWS SDK error into one line: credentials problems get their own explanation. */
export function describeAwsError(error: unknown, action: string): DrillError {
  if (error instanceof DrillError) return error;
  const { name, message } = error as { name?: string; message?: string };
  if (name === 'CredentialsProviderError' || /Could not load credentials|credential/i.test(message ?? '')) {
    return new DrillError(`no AWS credentials for ${action}: set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (${message ?? name})`);
  }
  if (name === 'ExpiredTokenException' || name === 'UnrecognizedClientException' || name === 'InvalidClientTokenId') {
    return new DrillError(`AWS rejected the credentials for ${action}: ${message ?? name}`);
  }
  if (name === 'ResourceNotFoundException' || name === 'NoSuchHealthCheck') {
    return new DrillError(`${action}: not found (${message ?? name}); is the stack deployed in this account?`);
  }
  return new DrillError(`${action} failed: ${name ?? 'Error'}: ${message ?? String(error)}`);
}

/** The whole drill took longer than --timeout. */
export class DrillTimeout extends DrillError {
  constructor(seconds: number, waitingFor?: string) {
    super(`gave up after --timeout ${seconds} s${waitingFor ? ` waiting for ${waitingFor}` : ''}`);
    this.name = 'DrillTimeout';
  }
}
