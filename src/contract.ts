/**
 * The API's contract with its clients, health checks and tooling, in one place: what is served where, what a
 * healthy answer looks like, and how long failover takes. Everything else imports these; a literal copy is a bug.
 * It imports nothing, so any layer (constructs, tooling, tests) can use it.
 */
/** The API Gateway stage every region deploys. */
export const STAGE_NAME = 'prod';
/** The custom domain's base path mapped to that stage. */
export const BASE_PATH = 'v1';
/** Resource path parts of the two routes. */
export const HELLO_PATH = 'helloworld';
export const HEALTH_PATH = 'healthcheck';
/** What clients call on the shared domain name. */
export const CLIENT_HELLO_PATH = `/${BASE_PATH}/${HELLO_PATH}`;

/** What every hello-world answer starts with; Route 53's probe of the served route looks for it. */
export const HELLO_SEARCH_STRING = 'Hello from';

/** The hello-world answer's message, naming the region that served it. */
export function helloText(region: string): string {
  return `${HELLO_SEARCH_STRING} ${region}`;
}
/** The region named in a hello-world message, or undefined. */
export function regionOfHello(message: string | undefined): string | undefined {
  return /^Hello from (\S+)$/.exec(message ?? '')?.[1];
}

/** Route 53 HTTPS_STR_MATCH looks for this string; only a healthy body may contain it. */
export const HEALTH_SEARCH_STRING = 'ok';
/** The health function's shared time budget for dependency probes when none is configured, in ms (the schema's default). */
export const DEFAULT_DEPENDENCY_BUDGET_MS = 1500;

/** Names of the cdktf stacks (and of their folders under cdktf.out/stacks/). */
export const API_STACK_NAME = 'multi-region-api';
export const BOOTSTRAP_STACK_NAME = 'state-bootstrap';
/** The once-per-account stack that owns API Gateway's CloudWatch-logs account setting (opt-in). */
export const API_GATEWAY_ACCOUNT_STACK_NAME = 'api-gateway-account';

/** How Route 53 probes one region: seconds between probes, and failures in a row that mark it unhealthy. */
export interface ProbeCadence {
  readonly requestInterval: number;
  readonly failureThreshold: number;
}

/** How the latency record answers: ALIAS (fixed TTL) or CNAME with its own TTL. */
export interface AnswerKind {
  readonly recordType: string;
  readonly ttl: number;
}

/** Route 53 answers ALIAS records to AWS targets with this TTL; it cannot be changed. */
export const ALIAS_ANSWER_TTL_SECONDS = 60;

/** The TTL resolvers may cache the latency answer for. */
export function answerTtlSeconds(dns: AnswerKind): number {
  return dns.recordType === 'ALIAS' ? ALIAS_ANSWER_TTL_SECONDS : dns.ttl;
}

/** Seconds Route 53 needs to mark a region unhealthy: `failureThreshold` failed probes `requestInterval` apart. */
export function detectionSeconds(healthCheck: ProbeCadence): number {
  return healthCheck.requestInterval * healthCheck.failureThreshold;
}

/** Worst-case seconds until clients stop reaching a failed region: detection, then one answer TTL in resolvers. */
export function failoverSeconds(
  healthCheck: ProbeCadence, dns: AnswerKind,
): number {
  return detectionSeconds(healthCheck) + answerTtlSeconds(dns);
}

/** How the error-rate alarm judges the served route: periods of `periodSeconds`, `evaluationPeriods` in a row. */
export interface ErrorRateCadence {
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
}

/**
 * Route 53 reads a CLOUDWATCH_METRIC check's data stream itself, and API Gateway's per-minute metrics reach CloudWatch
 * about a minute after the minute they count: one minute between the last failing period and Route 53 acting on it.
 */
export const METRIC_CHECK_REACTION_SECONDS = 60;

/**
 * Worst case from users getting errors to clients leaving the region: the failing periods, Route 53's reaction to the
 * metric, then one answer TTL in resolvers (the error path; `failoverSeconds` is the health-route path).
 */
export function errorRateSeconds(errorRate: ErrorRateCadence, dns: AnswerKind): number {
  return errorRate.periodSeconds * errorRate.evaluationPeriods + METRIC_CHECK_REACTION_SECONDS + answerTtlSeconds(dns);
}
