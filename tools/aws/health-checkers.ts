import { HealthCheckObservation } from '@aws-sdk/client-route-53';

/**
 * Route 53 considers an endpoint healthy when more than 18% of its health checkers report it healthy (Route 53
 * Developer Guide, "How Amazon Route 53 determines whether a health check is healthy").
 */
export const HEALTHY_CHECKER_SHARE = 0.18;

/** The share of checkers whose latest report is a success. */
export function healthyShare(observations: readonly HealthCheckObservation[]): number {
  if (observations.length === 0) return 0;
  const healthy = observations.filter((o) => /^Success/i.test(o.StatusReport?.Status ?? '')).length;
  return healthy / observations.length;
}

/** Healthy as Route 53 decides it; no observations at all is not healthy. */
export function isHealthy(observations: readonly HealthCheckObservation[]): boolean {
  return observations.length > 0 && healthyShare(observations) > HEALTHY_CHECKER_SHARE;
}
