import {
  environmentBytes, healthFunctionEnvironment, helloWorldEnvironment, LAMBDA_ENVIRONMENT_LIMIT_BYTES,
} from '../aws/function-environment';
import { HEALTH_CHECK_OWN_TAG_KEYS, MAX_HEALTH_CHECK_TAGS, MAX_TAGS_PER_RESOURCE } from '../aws/tag-limits';
import { Problems } from './fields';
import { HealthCheckConfig } from './types';
import { Draft } from './rules';
import { bucketNameProblem } from './s3-bucket-name';

/** ACM refuses a certificate whose first domain name is longer than 64 characters. */
export const ACM_DOMAIN_NAME_LIMIT = 64;
/** S3 object keys are at most 1,024 bytes of UTF-8. */
export const S3_KEY_LIMIT_BYTES = 1024;

/**
 * Limits AWS enforces only at apply (and `terraform validate` does not check), or Terraform's S3 backend only at
 * `terraform init`, checked on the read config so a bad value stops synth. The Lambda environments are computed by
 * the same functions RegionalApi uses.
 */
export function checkAwsLimits(config: Draft, given: ReadonlyMap<string, unknown>, problems: Problems): void {
  const { domainName, tags, state } = config;
  if (domainName !== undefined && domainName.length > ACM_DOMAIN_NAME_LIMIT) {
    problems.bad('domainName', domainName,
      `is ${domainName.length} characters long; ACM certificates allow at most ${ACM_DOMAIN_NAME_LIMIT} for the first name`);
  }
  checkEnvironments(config, problems);
  if (tags !== undefined) checkTagCounts(tags, problems);
  if (state?.backend === 's3') {
    const bucket = state.bucket;
    const problem = bucket === undefined ? undefined : bucketNameProblem(bucket);
    if (problem) {
      const origin = given.has('state.bucket') ? '' : ` (the default, made from namePrefix ${JSON.stringify(config.namePrefix)}; set state.bucket)`;
      problems.bad('state.bucket', bucket, `${problem}${origin}`);
    }
    if (state.key !== undefined) checkStateKey(state.key, problems);
  }
}

/** S3's key limit, and what Terraform's S3 backend refuses at `terraform init` (its messages quoted). */
function checkStateKey(key: string, problems: Problems): void {
  if (Buffer.byteLength(key, 'utf8') > S3_KEY_LIMIT_BYTES) {
    problems.bad('state.key', key, `is ${Buffer.byteLength(key, 'utf8')} bytes of UTF-8; S3 keys are at most ${S3_KEY_LIMIT_BYTES}`);
  } else if (key.endsWith('/')) {
    problems.bad('state.key', key, 'ends with "/", which terraform init refuses for the S3 backend ("The value must not start or '
      + 'end with "/""); end it with the state object\'s name, e.g. "terraform.tfstate"');
  } else if (key.includes('//')) {
    problems.bad('state.key', key, 'holds "//", which terraform init refuses for the S3 backend ("Value must not contain "//"")');
  }
}

function checkEnvironments(config: Draft, problems: Problems): void {
  const origins = config.cors?.allowOrigins;
  if (!origins) return;
  const limit = `Lambda allows ${LAMBDA_ENVIRONMENT_LIMIT_BYTES} (list fewer or shorter entries)`;
  const hello = environmentBytes(helloWorldEnvironment(origins));
  if (hello > LAMBDA_ENVIRONMENT_LIMIT_BYTES) {
    problems.add('cors.allowOrigins', `${origins.length} origins make the hello-world function's environment ${hello} bytes; ${limit}`);
    return;
  }
  const { dependencies, dependencyTimeoutMs } = config.healthCheck ?? {};
  if (!dependencies || dependencyTimeoutMs === undefined) return;
  const health = environmentBytes(healthFunctionEnvironment(origins, { ...config.healthCheck!, dependencies, dependencyTimeoutMs } as HealthCheckConfig));
  if (health > LAMBDA_ENVIRONMENT_LIMIT_BYTES) {
    problems.add('healthCheck.dependencies', `${dependencies.length} URLs (with cors.allowOrigins) make the health-check function's environment ${health} bytes; ${limit}`);
  }
}

function checkTagCounts(tags: object, problems: Problems): void {
  const keys = Object.keys(tags);
  if (keys.length > MAX_TAGS_PER_RESOURCE) {
    problems.add('tags', `${keys.length} tags; AWS allows ${MAX_TAGS_PER_RESOURCE} per resource`);
    return;
  }
  const onHealthCheck = new Set([...keys, ...HEALTH_CHECK_OWN_TAG_KEYS]).size;
  if (onHealthCheck > MAX_HEALTH_CHECK_TAGS) {
    problems.add('tags', `${keys.length} tags make ${onHealthCheck} on each Route 53 health check (with its own ${HEALTH_CHECK_OWN_TAG_KEYS.join(', ')}); Route 53 takes at most ${MAX_HEALTH_CHECK_TAGS}`);
  }
}
