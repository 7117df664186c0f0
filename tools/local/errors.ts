/** A problem the user can fix (missing synth output, busy port, unknown region): printed as one line, no stack. */
export class LocalRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRunError';
  }
}
