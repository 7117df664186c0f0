/** Route 53 facts the stack and config are built around and the tools (local run, drill, rollout) act out. */

/** Route 53 gives an HTTPS health check 2 s to connect and answer; slower counts as a failure. */
export const ROUTE53_ANSWER_WINDOW_MS = 2000;

/**
 * Route 53 considers an endpoint healthy when more than 18% of its health checkers report it healthy (Route 53
 * Developer Guide, "How Amazon Route 53 determines whether a health check is healthy").
 */
export const HEALTHY_CHECKER_SHARE = 0.18;

/** Route 53 answers ALIAS records to API Gateway with this TTL. */
export const ALIAS_TTL_SECONDS = 60;

/** The tag key that names a health check in the Route 53 console; every health check of the stack sets it. */
export const HEALTH_CHECK_NAME_TAG = 'Name';

/** A health check's tags: its name, as the console shows it. */
export function healthCheckTags(name: string): Record<string, string> {
  return { [HEALTH_CHECK_NAME_TAG]: name };
}
