/**
 * What a region can be made to suffer from the control routes: `unmapped` takes its base path mappings away, as a bad
 * deploy would; `hello-errors` makes its hello function throw on a share of invocations (a bad release).
 */
export const FAULT_KINDS = ['none', 'unmapped', 'hello-errors'] as const;

export type RegionFault =
  | { readonly fault: 'none' }
  | { readonly fault: 'unmapped' }
  | { readonly fault: 'hello-errors'; readonly rate: number };

export const NO_FAULT: RegionFault = { fault: 'none' };

/** The fault a control body asks for (`{"fault":"hello-errors","rate":0.3}`), or one line saying what is wrong. */
export function parseFault(body: unknown): RegionFault | { readonly problem: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { problem: 'body must be a JSON object like {"fault":"unmapped"}' };
  const { fault, rate, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (!(FAULT_KINDS as readonly string[]).includes(fault as string)) {
    return { problem: `fault must be ${FAULT_KINDS.map((kind) => `"${kind}"`).join(', ')}, not ${JSON.stringify(fault)}` };
  }
  if (extra !== undefined) return { problem: `unknown field "${extra}"; a fault body has "fault" (and "rate" for "hello-errors")` };
  if (fault !== 'hello-errors') {
    return rate === undefined ? { fault: fault as 'none' | 'unmapped' } : { problem: `rate applies only to "hello-errors", not to "${String(fault)}"` };
  }
  if (typeof rate !== 'number' || !(rate > 0 && rate <= 1)) {
    return { problem: `rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not ${JSON.stringify(rate)}` };
  }
  return { fault, rate };
}

/**
 * Decides which invocations fail so that exactly `rate` of them do, spread evenly (0.3: three of every ten), not at
 * random: a run shows the same share in every period, so whether a rate trips the alarm never depends on luck.
 */
export class FailureShare {
  private owed = 0;

  constructor(readonly rate: number) {}

  /** Whether the next invocation fails. */
  next(): boolean {
    this.owed += this.rate;
    // The tolerance keeps binary-fraction sums (0.1 added ten times is 0.9999999999999999) on schedule.
    if (this.owed < 1 - 1e-9) return false;
    this.owed -= 1;
    return true;
  }
}
