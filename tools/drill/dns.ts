/** The two lookups the drill needs; node:dns/promises Resolver provides them, tests inject fakes. */
export interface DnsLookup {
  resolve4(host: string): Promise<string[]>;
  resolveCname(host: string): Promise<string[]>;
}

/**
 * Whether `domain` currently answers with `regionTarget` (the region's API Gateway regional domain): the CNAME form
 * names it; the ALIAS form answers with its addresses, so the address sets overlap.
 */
export async function pointsAt(dns: DnsLookup, domain: string, regionTarget: string): Promise<boolean> {
  const cnames = await dns.resolveCname(domain).catch(() => [] as string[]);
  if (cnames.some((name) => sameHost(name, regionTarget))) return true;
  if (cnames.length > 0) return false;
  const [answer, target] = await Promise.all([
    dns.resolve4(domain).catch(() => [] as string[]),
    dns.resolve4(regionTarget).catch(() => [] as string[]),
  ]);
  return answer.some((address) => target.includes(address));
}

function sameHost(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}
