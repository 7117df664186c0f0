/**
 * Small readers for untrusted JSON. Each one records a one-line problem that names the field and shows the
 * value (`regions[1]: "us-east-9" is not an AWS region`) and returns undefined, so one pass reports every problem.
 */
export type JsonObject = Record<string, unknown>;

export class Problems {
  private readonly lines: string[] = [];

  add(field: string, message: string): undefined {
    this.lines.push(field ? `${field}: ${message}` : message);
    return undefined;
  }

  bad(field: string, value: unknown, problem: string): undefined {
    return this.add(field, `${show(value)} ${problem}`);
  }

  get all(): readonly string[] {
    return this.lines;
  }
}

export function show(value: unknown): string {
  if (value === undefined) return 'undefined';
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return describeType(value); // nested too deep to print
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

export function join(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Checks that `value` is an object whose keys are all known; an unknown key suggests the nearest known one. */
export function readObject(
  value: unknown, field: string, known: readonly string[], problems: Problems,
): JsonObject | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.bad(field || '(top level)', value, `must be an object, not ${describeType(value)}`);
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      const near = nearest(key, known);
      problems.add(join(field, key), `unknown setting${near ? ` (did you mean "${near}"?)` : ''}; known: ${known.join(', ')}`);
    }
  }
  return value as JsonObject;
}

export interface StringRule {
  readonly pattern?: RegExp;
  readonly describe?: string;
  readonly maxLength?: number;
}

export function readString(value: unknown, field: string, problems: Problems, rule: StringRule = {}): string | undefined {
  if (typeof value !== 'string') return problems.bad(field, value, `must be a string, not ${describeType(value)}`);
  if (value.trim() === '') return problems.bad(field, value, 'must not be empty');
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    return problems.bad(field, value, `is longer than ${rule.maxLength} characters`);
  }
  if (rule.pattern && !rule.pattern.test(value)) {
    return problems.bad(field, value, `is not ${rule.describe ?? `of the form ${rule.pattern}`}`);
  }
  return value;
}

export function readInteger(
  value: unknown, field: string, problems: Problems, min: number, max: number,
): number | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return problems.bad(field, value, `must be a whole number, not ${describeType(value)}`);
  }
  if (value < min || value > max) return problems.bad(field, value, `is out of range (${min} to ${max})`);
  return value;
}

/** A number in `min`..`max`; an exclusive bound refuses the bound itself (`threshold` must be above 0). */
export function readNumber(
  value: unknown, field: string, problems: Problems, range: NumberRange,
): number | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return problems.bad(field, value, `must be a number, not ${describeType(value)}`);
  }
  const low = range.exclusiveMin ? value <= range.min : value < range.min;
  const high = range.exclusiveMax ? value >= range.max : value > range.max;
  if (low || high) return problems.bad(field, value, `is out of range (${describeRange(range)})`);
  return value;
}

export interface NumberRange {
  readonly min: number;
  readonly max: number;
  readonly exclusiveMin?: boolean;
  readonly exclusiveMax?: boolean;
}

/** `0 < x < 1`, `1–10`: how a range reads in messages and the README. */
export function describeRange(range: NumberRange): string {
  if (!range.exclusiveMin && !range.exclusiveMax) return `${range.min} to ${range.max}`;
  return `${range.min} ${range.exclusiveMin ? '<' : '≤'} value ${range.exclusiveMax ? '<' : '≤'} ${range.max}`;
}

export function readBoolean(value: unknown, field: string, problems: Problems): boolean | undefined {
  if (typeof value !== 'boolean') return problems.bad(field, value, `must be true or false, not ${describeType(value)}`);
  return value;
}

export function readOneOf<T extends string | number>(
  value: unknown, field: string, problems: Problems, allowed: readonly T[],
): T | undefined {
  if (!allowed.includes(value as T)) {
    return problems.bad(field, value, `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
  }
  return value as T;
}

/** Reads a list of unique items; each item is read by `readItem`, which reports its own problems. */
export function readList<T>(
  value: unknown, field: string, problems: Problems,
  readItem: (item: unknown, itemField: string) => T | undefined,
  options: { readonly minItems?: number } = {},
): T[] | undefined {
  if (!Array.isArray(value)) return problems.bad(field, value, `must be an array, not ${describeType(value)}`);
  const minItems = options.minItems ?? 0;
  if (value.length < minItems) {
    return problems.bad(field, value, `must list at least ${minItems} item${minItems === 1 ? '' : 's'}`);
  }
  const items: T[] = [];
  // A Set keeps the duplicate check linear: a hostile file may list a million items.
  const seen = new Set<T>();
  let ok = true;
  value.forEach((item, index) => {
    const itemField = join(field, index);
    const read = readItem(item, itemField);
    if (read === undefined) {
      ok = false;
    } else if (seen.has(read)) {
      ok = false;
      problems.bad(itemField, item, `is listed twice`);
    } else {
      seen.add(read);
      items.push(read);
    }
  });
  return ok ? items : undefined;
}

function nearest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(3, Math.floor(word.length / 2) + 1);
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
