import { AWS_REGIONS } from './aws-regions';
import { Problems, readString } from './fields';

const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/;

/** Readers for settings whose check is more than a range, a pattern or a list of values. */
export function readRegion(value: unknown, field: string, problems: Problems): string | undefined {
  const code = readString(value, field, problems, { pattern: REGION_CODE, describe: 'an AWS region code like us-east-1' });
  if (code === undefined) return undefined;
  if (!AWS_REGIONS.includes(code)) return problems.bad(field, code, 'is not an AWS region');
  return code;
}

export function readOrigin(value: unknown, field: string, problems: Problems): string | undefined {
  if (value === '*') return '*';
  return readString(value, field, problems, { pattern: ORIGIN, describe: '"*" or an origin like https://app.example.com' });
}

export function readUrl(value: unknown, field: string, problems: Problems): string | undefined {
  const text = readString(value, field, problems);
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return text;
  } catch {
    // reported below
  }
  return problems.bad(field, text, 'is not an http(s) URL');
}

export function readTags(value: unknown, field: string, problems: Problems): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return problems.bad(field, value, 'must be an object of tag names to string values');
  }
  const tags = value as Record<string, unknown>;
  let ok = true;
  for (const [key, tagValue] of Object.entries(tags)) {
    const tagField = `${field}.${key}`;
    if (key.length > 128 || key.toLowerCase().startsWith('aws:')) {
      ok = false;
      problems.bad(tagField, key, 'is not a usable tag name (at most 128 characters, not starting with "aws:")');
    } else if (typeof tagValue !== 'string' || tagValue.length > 256) {
      ok = false;
      problems.bad(tagField, tagValue, 'must be a string of at most 256 characters');
    }
  }
  return ok ? (tags as Record<string, string>) : undefined;
}
