import { Block } from './terraform-json';

/** A reference as cdktf writes it: `${type.name.attribute}`. */
export interface Reference {
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
}

/**
 * A Terraform identifier as HCL scans one (`Ident = (ID_Start | '_') (ID_Continue | '-')*`): a letter or an
 * underscore, then letters, digits, underscores and hyphens; Unicode letters included. Resource types, resource
 * names and attributes are all identifiers.
 */
const IDENTIFIER = String.raw`[\p{ID_Start}_][\p{ID_Continue}-]*`;
const PARTS = String.raw`(${IDENTIFIER})\.(${IDENTIFIER})\.(${IDENTIFIER})`;
const WHOLE_REFERENCE = new RegExp(String.raw`^\$\{${PARTS}\}$`, 'u');
const EMBEDDED_REFERENCE = new RegExp(String.raw`\$\{${PARTS}\}`, 'u');
const EVERY_EMBEDDED_REFERENCE = new RegExp(EMBEDDED_REFERENCE.source, 'gu');
/** `aws_x.name` or `data.aws_x.name` anywhere in an expression, not as the tail of a longer traversal. */
const ADDRESS_IN_EXPRESSION = new RegExp(String.raw`(?<![\p{ID_Continue}.-])((?:data\.)?aws_[\p{ID_Continue}-]*\.${IDENTIFIER})`, 'gu');
/** `${[ for key, val in aws_x.y: val.fqdn]}`, as cdktf writes a list of one attribute over a for_each resource. */
const FOR_OVER_INSTANCES = new RegExp(String.raw`^\$\{\[ ?for (${IDENTIFIER}), (${IDENTIFIER}) in (${IDENTIFIER})\.(${IDENTIFIER}) ?: ?\2\.(${IDENTIFIER}) ?\]\}$`, 'u');

const referenceOf = (match: RegExpExecArray | null): Reference | undefined =>
  (match ? { type: match[1], name: match[2], attribute: match[3] } : undefined);

/** `${aws_x.name.attr}` (the whole value) as its parts; anything else gives undefined. */
export function parseReference(value: unknown): Reference | undefined {
  return typeof value === 'string' ? referenceOf(WHOLE_REFERENCE.exec(value)) : undefined;
}

/** The first `${aws_x.name.attr}` inside a longer string, e.g. a templated host name. */
export function findReference(value: unknown): Reference | undefined {
  return typeof value === 'string' ? referenceOf(EMBEDDED_REFERENCE.exec(value)) : undefined;
}

/** `text` with every `${type.name.attr}` interpolation replaced by what `replace` returns for it. */
export function replaceReferences(text: string, replace: (reference: Reference) => string): string {
  return text.replace(EVERY_EMBEDDED_REFERENCE, (_, type: string, name: string, attribute: string) => replace({ type, name, attribute }));
}

/** `${[ for key, val in aws_x.y: val.attr]}`: the resource and attribute listed over every instance; else undefined. */
export function parseInstanceList(value: unknown): Reference | undefined {
  const match = typeof value === 'string' ? FOR_OVER_INSTANCES.exec(value) : null;
  return match ? { type: match[3], name: match[4], attribute: match[5] } : undefined;
}

/** Addresses (`aws_x.name`, `data.aws_x.name`) of the resources a value refers to anywhere inside it. */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  visitStrings(value, (text) => {
    for (const expression of interpolations(text)) {
      for (const match of expression.matchAll(ADDRESS_IN_EXPRESSION)) found.add(match[1]);
    }
  });
  return [...found];
}

/** True when `value` is, or interpolates, the resource at `address`. */
export function refersTo(value: unknown, address: string): boolean {
  return referencesIn(value).includes(address);
}

/** The expression inside each `${ ... }` of a template (braces inside it, e.g. an object constructor, balanced). */
function interpolations(text: string): string[] {
  const found: string[] = [];
  for (let start = text.indexOf('${'); start >= 0; start = text.indexOf('${', start + 2)) {
    let depth = 0;
    for (let i = start + 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        found.push(text.slice(start + 2, i));
        start = i - 1;
        break;
      }
    }
  }
  return found;
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
