import { DnsConfig, HealthCheckConfig } from './config/types';

/** Route 53 answers ALIAS records to AWS targets with this TTL; it cannot be changed. */
export const ALIAS_ANSWER_TTL_SECONDS = 60;

/** The TTL resolvers may cache the latency answer for. */
export function answerTtlSeconds(dns: DnsConfig): number {
  return dns.recordType === 'ALIAS' ? ALIAS_ANSWER_TTL_SECONDS : dns.ttl;
}

/**
 * Worst-case seconds until clients stop reaching a failed region: Route 53 needs `failureThreshold` failed probes
 * `requestInterval` apart to mark it unhealthy, then resolvers may still hold the old answer for one TTL.
 */
export function failoverSeconds(
  healthCheck: Pick<HealthCheckConfig, 'requestInterval' | 'failureThreshold'>, dns: DnsConfig,
): number {
  return healthCheck.requestInterval * healthCheck.failureThreshold + answerTtlSeconds(dns);
}
