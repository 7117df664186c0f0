/** The per-region hostname pattern's placeholders. */
export const REGION_PLACEHOLDER = '{region}';
export const DOMAIN_PLACEHOLDER = '{domainName}';
export const DEFAULT_REGIONAL_HOSTNAME = `${REGION_PLACEHOLDER}.${DOMAIN_PLACEHOLDER}`;

const DNS_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** The name one region also serves, e.g. `us-east-1.api.example.com` for the default pattern. */
export function regionalHostname(pattern: string, region: string, domainName: string): string {
  return pattern.split(REGION_PLACEHOLDER).join(region).split(DOMAIN_PLACEHOLDER).join(domainName);
}

/**
 * Why `pattern` cannot name a region's hostname, or undefined when it can for every region. The name must be a DNS
 * name under `domainName`: the hosted zone is only known to hold `domainName`, so only names below it are sure to
 * be in it. (ACM's 64-character limit binds a certificate's first name only; this one is an alternative name.)
 */
export function regionalHostnameProblem(pattern: string, regions: readonly string[], domainName: string): string | undefined {
  if (!pattern.includes(REGION_PLACEHOLDER)) return `must contain ${REGION_PLACEHOLDER}, so each region gets its own name`;
  for (const region of regions) {
    const name = regionalHostname(pattern, region, domainName);
    if (!DNS_NAME.test(name)) return `gives "${name}" for ${region}, which is not a lower-case DNS name`;
    if (!name.endsWith(`.${domainName}`)) {
      return `gives "${name}" for ${region}, which is not under ${domainName} (the hosted zone is only known to hold ${domainName})`;
    }
  }
  return undefined;
}
