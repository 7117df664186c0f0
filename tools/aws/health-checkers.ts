import { HealthCheckObservation } from '@aws-sdk/client-route-53';
import { HEALTHY_CHECKER_SHARE } from '../../src/aws/route53';

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
