import { DrillError } from './errors';

/** The lookups the drill needs; node:dns/promises Resolver provides them, tests inject fakes. */
export interface DnsLookup {
  resolve4(host: string): Promise<string[]>;
  resolveCname(host: string): Promise<string[]>;
  /** The servers asked (`--dns-server`, or the system's), to name them when they do not answer. */
  getServers(): string[];
}

/** c-ares codes for a resolver that could not be asked at all, and how the drill says it. */
const UNREACHABLE: Readonly<Record<string, string>> = {
  ETIMEOUT: 'timed out',
  ECONNREFUSED: 'connection refused',
  EREFUSED: 'it refused the query',
};

/** The resolver gave no answer (timeout, refused): nothing is known about the domain's records. */
export class DnsUnreachable extends DrillError {
  constructor(servers: readonly string[], host: string, reason: string) {
    super(`${servers.length === 1 ? 'DNS server' : 'DNS servers'} ${servers.join(', ') || '(none)'} did not answer for ${host} (${reason})`);
    this.name = 'DnsUnreachable';
  }
}

/**
 * Whether `domain` currently answers with `regionTarget` (the region's API Gateway regional domain): the CNAME form
 * names it; the ALIAS form answers with its addresses, so the address sets overlap. No such record is an answer
 * (false); a resolver that does not answer is DnsUnreachable.
 */
export async function pointsAt(dns: DnsLookup, domain: string, regionTarget: string): Promise<boolean> {
  const cnames = await records(dns, domain, () => dns.resolveCname(domain));
  if (cnames.some((name) => sameHost(name, regionTarget))) return true;
  if (cnames.length > 0) return false;
  const [answer, target] = await Promise.all([
    records(dns, domain, () => dns.resolve4(domain)),
    records(dns, regionTarget, () => dns.resolve4(regionTarget)),
  ]);
  return answer.some((address) => target.includes(address));
}

async function records(dns: DnsLookup, host: string, lookup: () => Promise<string[]>): Promise<string[]> {
  try {
    return await lookup();
  } catch (error) {
    const reason = UNREACHABLE[(error as NodeJS.ErrnoException).code ?? ''];
    if (reason) throw new DnsUnreachable(dns.getServers(), host, reason);
    return [];
  }
}

function sameHost(a: string, b: string): boolean {
  return a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();
}
