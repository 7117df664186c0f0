import { referencesIn } from './references';
import { Block } from './terraform-json';

/**
 * Addresses of the stack's resources (`known`) that a resource body refers to: every reference inside its `${...}`
 * interpolations (all of them, e.g. a `merge()` over several certificates' `domain_validation_options`) and every
 * `depends_on` entry; cdktf's `//` metadata is skipped. A word that looks like an address but names nothing in
 * `known` is ignored.
 */
export function dependenciesOf(body: Block, known: ReadonlySet<string>): string[] {
  const dependsOn = Array.isArray(body.depends_on) ? body.depends_on.filter((entry): entry is string => typeof entry === 'string') : [];
  const interpolated = Object.entries(body).filter(([key]) => key !== 'depends_on' && key !== '//').map(([, value]) => value);
  const found = new Set([...referencesIn(interpolated), ...dependsOn.map((entry) => entry.replace(/^\$\{(.*)\}$/, '$1'))]);
  return [...found].filter((address) => known.has(address)).sort();
}
