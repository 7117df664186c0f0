/**
 * Which URLs the health function may probe: the one rule that config validation (src/config, which adds the long
 * explanations) and the health function itself both apply. Pure and import-free: it is bundled into the function.
 * The check is lexical: hostnames are not resolved (synth runs offline), but every spelling `new URL` normalises
 * (`http://2130706433/`, `http://0x7f.1/`, `http://[::ffff:127.0.0.1]/`) is judged by the address it means.
 */

/** Why a URL is refused, for src/config to explain: each kind has its own consequence. */
export type RefusalKind = 'scheme' | 'user-info' | 'credential' | 'loopback' | 'metadata' | 'unreachable' | 'self';

export interface Refusal {
  readonly kind: RefusalKind;
  /** What the URL is, naming the part at fault but never a secret: `is a loopback address (127.0.0.1)`. */
  readonly problem: string;
}

/** Query or fragment keys taken for credentials, compared lower-case without `-`, `_`, `.` and spaces. */
const CREDENTIAL_KEY = /^(pwd|key|sig)$|(password|passwd|secret|token|apikey|signature|credential)$/;

/** IPv4 blocks a health URL may not name, most specific first: `first address/prefix length kind what`. */
const IPV4_BLOCK_TEXT = [
  '169.254.169.254/32 metadata the instance metadata address',
  '127.0.0.0/8 loopback a loopback address',
  '0.0.0.0/8 loopback a "this network" address',
  '169.254.0.0/16 unreachable a link-local address',
  '10.0.0.0/8 unreachable a private address',
  '172.16.0.0/12 unreachable a private address',
  '192.168.0.0/16 unreachable a private address',
  '100.64.0.0/10 unreachable a carrier-grade NAT address',
  '224.0.0.0/4 unreachable a multicast address',
  '240.0.0.0/4 unreachable a reserved address',
];
/** Parsed on first use, so a function with no dependencies never pays for it. */
let ipv4Blocks: Array<{ size: number; first: number; kind: RefusalKind; what: string }> | undefined;

/**
 * Why the health function must not probe `text`, or undefined when it may. `ownHosts` are names that reach this API
 * (its domain name, its regional hostnames): probing one of them, or a name under one, is the function calling itself.
 */
export function refuseDependencyUrl(text: string, ownHosts: readonly string[] = []): Refusal | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { kind: 'scheme', problem: 'is not an http(s) URL' };
  }
  if (!/^https?:$/.test(url.protocol)) return { kind: 'scheme', problem: 'is not an http(s) URL' };
  if (url.username || url.password) return { kind: 'user-info', problem: 'holds credentials (user:password@)' };
  for (const [where, part] of [['query', url.search], ['fragment', url.hash]]) {
    const key = part.slice(1).split(/[&;]/).map((pair) => pair.split('=')[0]).find(isCredentialKey);
    if (key) return { kind: 'credential', problem: `holds a credential in its ${where} (${key}=)` };
  }
  const host = url.hostname.replace(/\.$/, '');
  if (/(^|\.)localhost$/.test(host)) return { kind: 'loopback', problem: `is a loopback name (${host})` };
  const address = host.startsWith('[') ? ipv6Problem(host) : ipv4Problem(host, host);
  if (address) return address;
  const own = ownHosts.map((name) => name.toLowerCase().replace(/\.$/, ''))
    .find((name) => name && (host === name || host.endsWith(`.${name}`)));
  return own === undefined ? undefined
    : { kind: 'self', problem: `points at this API itself (${host === own ? own : `${host}, under ${own}`})` };
}

/** `text` with its user info and the values of credential keys replaced by `***`, for config messages. */
export function maskUrl(text: string): string {
  const masked = text.replace(/^([a-z][a-z\d+.-]*:\/*)[^/?#]*@/i, '$1***@');
  const start = masked.search(/[?#]/);
  return start < 0 ? masked : masked.slice(0, start) + masked.slice(start)
    .replace(/([?#&;])([^=&#;]*)=[^&#;]*/g, (pair, separator: string, key: string) => (isCredentialKey(key) ? `${separator}${key}=***` : pair));
}

function isCredentialKey(raw: string): boolean {
  let key = raw.replace(/\+/g, ' ');
  try {
    key = decodeURIComponent(key);
  } catch {
    // a malformed escape: judge the key as written
  }
  return CREDENTIAL_KEY.test(key.toLowerCase().replace(/[-_.\s]/g, ''));
}

/** A dotted-quad address as a number (`new URL` has already rewritten every other IPv4 spelling to this form). */
function ipv4(host: string): number | undefined {
  const parts = host.split('.');
  return parts.length === 4 && parts.every((part) => /^\d{1,3}$/.test(part) && +part < 256)
    ? parts.reduce((value, part) => value * 256 + +part, 0) : undefined;
}

function ipv4Problem(address: number | string, shown: string): Refusal | undefined {
  const value = typeof address === 'number' ? address : ipv4(address);
  ipv4Blocks ??= IPV4_BLOCK_TEXT.map((line) => {
    const [block, kind, ...what] = line.split(' ');
    const [first, bits] = block.split('/');
    return { size: 2 ** (32 - Number(bits)), first: ipv4(first)!, kind: kind as RefusalKind, what: what.join(' ') };
  });
  const block = value === undefined ? undefined : ipv4Blocks.find(({ size, first }) => Math.floor(value / size) === first / size);
  return block && { kind: block.kind, problem: `is ${block.what} (${shown})` };
}

/** `[…]` as URL serialises it (lower-case hex, `::` compressed, no dotted tail), judged by its eight 16-bit groups. */
function ipv6Problem(bracketed: string): Refusal | undefined {
  const [head, tail] = bracketed.slice(1, -1).split('::');
  const groups = (part?: string) => (part ? part.split(':').map((group) => parseInt(group, 16)) : []);
  const g = tail === undefined ? groups(head) : [...groups(head), ...Array(8 - groups(head).length - groups(tail).length).fill(0), ...groups(tail)];
  const hex = g.map((group) => group.toString(16)).join(':');
  const v4 = g[6] * 65536 + g[7];
  // IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) and IPv4-compatible (::/96, but for :: and ::1) forms.
  if (/^(0:0:0:0:0:ffff|64:ff9b:0:0:0:0):/.test(hex) || (hex.startsWith('0:0:0:0:0:0:') && v4 > 1)) {
    const dotted = [24, 16, 8, 0].map((shift) => Math.floor(v4 / 2 ** shift) % 256).join('.');
    return ipv4Problem(v4, `${dotted} as ${bracketed}`);
  }
  const [kind, what]: [RefusalKind?, string?] = hex === '0:0:0:0:0:0:0:1' ? ['loopback', 'a loopback address']
    : hex === '0:0:0:0:0:0:0:0' ? ['loopback', 'the unspecified address']
      : hex === 'fd00:ec2:0:0:0:0:0:254' ? ['metadata', 'the instance metadata address']
        : (g[0] & 0xffc0) === 0xfe80 ? ['unreachable', 'a link-local address']
          : (g[0] & 0xfe00) === 0xfc00 ? ['unreachable', 'a unique local (private) address']
            : g[0] >= 0xff00 ? ['unreachable', 'a multicast address'] : [];
  return kind && { kind, problem: `is ${what} (${bracketed})` };
}
