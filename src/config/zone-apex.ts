/**
 * Second labels under which registries sell names to the public in two-letter country domains (`co.uk`, `com.au`,
 * `co.jp`, `ne.jp`, `ac.uk`): a name one label below such a suffix is a registered domain, so a hosted zone's apex.
 * A short pattern, not the Public Suffix List: it catches the common cases, and a rare miss is only refused later
 * (Route 53 at apply; plan:change flags it).
 */
export const PUBLIC_SECOND_LABELS: ReadonlySet<string> = new Set(['ac', 'co', 'com', 'edu', 'go', 'gov', 'ltd', 'me', 'ne', 'net', 'or', 'org', 'plc']);

/**
 * Whether `domainName` can only be the apex of its hosted zone, known offline: a name of two labels (`example.com`),
 * or one label under a public second-level suffix (`example.co.uk`). Any longer name may be an apex too (a zone of
 * its own, delegated), which only the zone itself tells.
 */
export function isCertainlyZoneApex(domainName: string): boolean {
  const labels = domainName.split('.');
  if (labels.length === 2) return true;
  return labels.length === 3 && labels[2].length === 2 && PUBLIC_SECOND_LABELS.has(labels[1]);
}
