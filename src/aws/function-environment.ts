import { HealthCheckConfig } from '../config/types';
import { HEALTH_SEARCH_STRING } from '../contract';

/** Lambda refuses a function whose environment variables, measured as their JSON, exceed 4 KB. */
export const LAMBDA_ENVIRONMENT_LIMIT_BYTES = 4096;

export type Environment = Readonly<Record<string, string>>;

/** The hello-world function's environment: which origins it echoes in Access-Control-Allow-Origin. */
export function helloWorldEnvironment(allowOrigins: readonly string[]): Environment {
  return { ALLOWED_ORIGINS: allowOrigins.join(',') };
}

/** The health function's environment: origins, the body Route 53 matches, and the dependencies it probes. */
export function healthFunctionEnvironment(allowOrigins: readonly string[], healthCheck: HealthCheckConfig): Environment {
  return {
    ALLOWED_ORIGINS: allowOrigins.join(','),
    STATUS: HEALTH_SEARCH_STRING,
    DEPENDENCY_URLS: JSON.stringify(healthCheck.dependencies),
    DEPENDENCY_TIMEOUT_MS: String(healthCheck.dependencyTimeoutMs),
  };
}

/** The size Lambda checks against its 4 KB limit: the variables as JSON, in UTF-8 bytes. */
export function environmentBytes(environment: Environment): number {
  return Buffer.byteLength(JSON.stringify(environment), 'utf8');
}
