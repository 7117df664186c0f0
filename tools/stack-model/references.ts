import { Block } from './terraform-json';

/** A reference as cdktf writes it: `${type.name.attribute}`. */
export interface Reference {
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

const WHOLE_REFERENCE = /^\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}$/;
const EMBEDDED_REFERENCE = /\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z_]+)\}/;
const ANY_REFERENCE = /\$\{[^}]*?\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/** `${aws_x.name.attr}` (the whole value) as its parts; anything else gives undefined. */
export function parseReference(value: unknown): Reference | undefined {
  const match = typeof value === 'string' ? WHOLE_REFERENCE.exec(value) : null;
  return match ? { type: match[1], name: match[2], attribute: match[3] } : undefined;
}

/** The first `${aws_x.name.attr}` inside a longer string, e.g. a templated host name. */
export function findReference(value: unknown): Reference | undefined {
  const match = typeof value === 'string' ? EMBEDDED_REFERENCE.exec(value) : null;
  return match ? { type: match[1], name: match[2], attribute: match[3] } : undefined;
}

/** Addresses (`aws_x.name`, `data.aws_x.name`) of the resources a value refers to anywhere inside it. */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(ANY_REFERENCE)) found.add(match[1]);
  });
  return [...found];
}

/** True when `value` is, or interpolates, the resource at `address`. */
export function refersTo(value: unknown, address: string): boolean {
  return referencesIn(value).includes(address);
}

function visitStrings(value: unknown, visit: (text: string) => void): void {
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) value.forEach((item) => visitStrings(item, visit));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) if (key !== '//') visitStrings(item, visit);
  }
}

/** A nested block: cdktf writes most single blocks as an object, some (and hand-written JSON) as a one-element list. */
export function block(value: unknown): Block | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? first as Block : undefined;
}

/** The resource body's `//` comment object (cdktf metadata and policy waivers live there). */
export function commentOf(body: Block): Block {
  const comment = body['//'];
  return comment && typeof comment === 'object' ? comment as Block : {};
}
