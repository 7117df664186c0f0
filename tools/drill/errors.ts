/** A failure the drill explains in one line (no stack trace): an unreadable file, a phase timing out (AWS calls fail as AwsCallError). */
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

/** The whole drill took longer than --timeout. */
export class DrillTimeout extends DrillError {
  constructor(seconds: number, waitingFor?: string) {
    super(`gave up after --timeout ${seconds} s${waitingFor ? ` waiting for ${waitingFor}` : ''}`);
    this.name = 'DrillTimeout';
  }
}
