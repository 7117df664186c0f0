import { join } from './fields';

/** Deeper than this, a config file is not a config file; refusing it keeps every later step's recursion safe. */
export const MAX_JSON_DEPTH = 32;

interface Container {
  readonly path: string;
  /** An object's keys so far; undefined for an array. */
  readonly keys?: Set<string>;
  /** The object's last key, or the array's current index. */
  at: string | number;
}

/**
 * What JSON.parse lets through silently in valid JSON `text`: a key given twice in one object (the last one wins) or
 * nesting deeper than MAX_JSON_DEPTH. One pass over the text, linear in its length; returns the first such problem.
 */
export function jsonStructureProblem(text: string): string | undefined {
  const open: Container[] = [];
  let expectingKey = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const end = closingQuote(text, i);
      const container = open[open.length - 1];
      if (expectingKey && container?.keys) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (container.keys.has(key)) {
          return `${join(container.path, key) || '(top level)'}: the key ${JSON.stringify(key)} is given twice in one object (JSON keeps only the last; remove one)`;
        }
        container.keys.add(key);
        container.at = key;
        expectingKey = false;
      }
      i = end;
    } else if (char === '{' || char === '[') {
      if (open.length >= MAX_JSON_DEPTH) return `nests deeper than ${MAX_JSON_DEPTH} levels (at character ${i})`;
      const parent = open[open.length - 1];
      const path = parent ? join(parent.path, parent.at) : '';
      open.push(char === '{' ? { path, keys: new Set(), at: '' } : { path, at: 0 });
      expectingKey = char === '{';
    } else if (char === '}' || char === ']') {
      open.pop();
      expectingKey = false;
    } else if (char === ',') {
      const container = open[open.length - 1];
      if (container?.keys) expectingKey = true;
      else if (container) container.at = (container.at as number) + 1;
    }
  }
  return undefined;
}

function closingQuote(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i;
}
