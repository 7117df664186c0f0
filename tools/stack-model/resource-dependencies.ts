import { Block } from './terraform-json';

/** `aws_type.name` or `data.aws_type.name`, as it appears inside an interpolation or a `depends_on` entry. */
const ADDRESS = /\b((?:data\.)?aws_[a-z0-9_]+\.[A-Za-z0-9_-]+)/g;

/**
 * Addresses of the stack's resources (`known`) that a resource body refers to: every `${...}` interpolation (all
 * references inside one, e.g. a `merge()` over several certificates' `domain_validation_options`) and every
 * `depends_on` entry; cdktf's `//` metadata is skipped. A word that looks like an address but names nothing in
 * `known` is ignored.
 */
export function dependenciesOf(body: Block, known: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown, inDependsOn: boolean): void => {
    if (typeof value === 'string') {
      if (!inDependsOn && !value.includes('${')) return;
      for (const match of value.matchAll(ADDRESS)) if (known.has(match[1])) found.add(match[1]);
    } else if (Array.isArray(value)) {
      value.forEach((item) => visit(item, inDependsOn));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) if (key !== '//') visit(item, inDependsOn || key === 'depends_on');
    }
  };
  visit(body, false);
  return [...found].sort();
}
