import { Block, ProviderBlock, StackJson, StackResource } from './types';

/** Every resource of `type` in the stack. */
export function resourcesOf(stack: StackJson, type: string): StackResource[] {
  return Object.entries(stack.resource?.[type] ?? {}).map(([name, body]) => ({
    type, name, address: `${type}.${name}`, mode: 'resource', body,
  }));
}

/** Every resource and data source of the stack. */
export function allResources(stack: StackJson): StackResource[] {
  const resources = Object.keys(stack.resource ?? {}).flatMap((type) => resourcesOf(stack, type));
  const data = Object.entries(stack.data ?? {}).flatMap(([type, byName]) => Object.entries(byName).map(
    ([name, body]): StackResource => ({ type, name, address: `data.${type}.${name}`, mode: 'data', body }),
  ));
  return [...resources, ...data];
}

/** The resource at a Terraform address, if the stack has it. */
export function resourceAt(stack: StackJson, address: string): StackResource | undefined {
  const parts = address.split('.');
  if (parts[0] === 'data') {
    const body = stack.data?.[parts[1]]?.[parts[2]];
    return body ? { type: parts[1], name: parts[2], address, mode: 'data', body } : undefined;
  }
  const body = stack.resource?.[parts[0]]?.[parts[1]];
  return body ? { type: parts[0], name: parts[1], address, mode: 'resource', body } : undefined;
}

/** Every `aws` provider block; cdktf writes a list, hand-written JSON may hold one object. */
export function awsProviders(stack: StackJson): ProviderBlock[] {
  const aws = stack.provider?.aws;
  if (!aws) return [];
  return Array.isArray(aws) ? aws : [aws];
}

const REFERENCE = /\$\{[^}]*?\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/** Addresses of the resources a value refers to through `${...}` interpolations, anywhere inside it. */
export function referencesIn(value: unknown): string[] {
  const found = new Set<string>();
  visitStrings(value, (text) => {
    for (const match of text.matchAll(REFERENCE)) found.add(match[1]);
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

/** A nested block as written by cdktf (an object) or by hand (a one-element list). */
export function block(value: unknown): Block | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first && typeof first === 'object' ? first as Block : undefined;
}

/** The resource body's `//` comment object (cdktf metadata and policy waivers live there). */
export function commentOf(body: Block): Block {
  const comment = body['//'];
  return comment && typeof comment === 'object' ? comment as Block : {};
}
