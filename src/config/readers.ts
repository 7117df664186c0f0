import { AWS_REGIONS } from './aws-regions';
import { dependencyUrlProblem, maskUrl } from './dependency-url';
import { Problems, readString } from './fields';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/** Readers for settings whose check is more than a range, a pattern or a list of values. */
export function readRegion(value: unknown, field: string, problems: Problems): string | undefined {
  const code = readString(value, field, problems, { pattern: REGION_CODE, describe: 'an AWS region code like us-east-1' });
  if (code === undefined) return undefined;
  if (!AWS_REGIONS.includes(code)) return problems.bad(field, code, 'is not an AWS region');
  return code;
}

export function readOrigin(value: unknown, field: string, problems: Problems): string | undefined {
  if (value === '*') return '*';
  const origin = readString(value, field, problems, { pattern: ORIGIN, describe: '"*" or an origin like https://app.example.com' });
  const port = origin?.match(/:(\d+)$/)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) {
    return problems.bad(field, origin, `has port ${port}; ports are 1 to 65535`);
  }
  return origin;
}

// Local part without leading, trailing or doubled dots; a domain of non-empty labels ending in a letters-only TLD.
// No flags: config/schema.json carries the same pattern, and JSON Schema patterns have none.
export const EMAIL = /^(?!\.)(?!.*\.\.)[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+(?<!\.)@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

export function readEmail(value: unknown, field: string, problems: Problems): string | undefined {
  return readString(value, field, problems, { pattern: EMAIL, describe: 'an email address like ops@example.com' });
}

/** An http(s) URL the health function may probe: the rule is lambda-src/shared/dependency-url.ts, which the function applies too. */
export function readUrl(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems);
  if (text === undefined) return undefined;
  const problem = dependencyUrlProblem(text);
  return problem ? problems.bad(field, maskUrl(text), problem) : text;
}

// The characters every AWS service accepts in tag keys and values.
export const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAG_CHARACTERS = 'only letters, digits, spaces and _ . : / = + - @';

export function readTags(value: unknown, field: string, problems: Problems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.bad(field, value, 'must be an object of tag names to string values');
  }
  const tags = value as Record<string, unknown>;
  let ok = true;
  for (const [key, tagValue] of Object.entries(tags)) {
    const tagField = `${field}.${key}`;
    if (key.length === 0 || key.length > 128 || key.toLowerCase().startsWith('aws:') || !TAG_TEXT.test(key)) {
      ok = false;
      problems.bad(tagField, key, `is not a usable tag name (1-128 characters, not starting with "aws:", ${TAG_CHARACTERS})`);
    } else if (typeof tagValue !== 'string' || tagValue.length > 256 || !TAG_TEXT.test(tagValue)) {
      ok = false;
      problems.bad(tagField, tagValue, `must be a string of at most 256 characters (${TAG_CHARACTERS})`);
    }
  }
  const clash = caseClash(tags, field, problems);
  return ok && !clash ? (tags as Record<string, string>) : undefined;
}

/**
 * IAM roles take tag keys without regard to case: given `Team` and `team` at once (every provider's `default_tags`
 * reach the functions' roles), IAM refuses the apply ("Duplicate tag keys found"). Reports each such pair.
 */
function caseClash(tags: object, field: string, problems: Problems): boolean {
  const seen = new Map<string, string>();
  let clash = false;
  for (const key of Object.keys(tags)) {
    const first = seen.get(key.toLowerCase());
    if (first === undefined) {
      seen.set(key.toLowerCase(), key);
    } else {
      clash = true;
      problems.add(field, `${JSON.stringify(first)} and ${JSON.stringify(key)} differ only in case; IAM takes them as one key `
        + 'and refuses the functions\' roles at apply ("Duplicate tag keys found"): keep one');
    }
  }
  return clash;
}
