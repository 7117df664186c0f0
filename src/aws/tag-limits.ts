import { healthCheckTags } from './route53';

/** AWS's limit of tags on one resource (Lambda, IAM, CloudWatch, SNS, S3, DynamoDB, API Gateway). */
export const MAX_TAGS_PER_RESOURCE = 50;

/**
 * Route 53 health checks: the provider writes all of a health check's tags in one ChangeTagsForResource call, whose
 * AddTags takes at most 10, so more than 10 (default tags plus the stack's own) fail at apply.
 */
export const MAX_HEALTH_CHECK_TAGS = 10;

/** The tag keys every health check sets itself; with the default tags they count towards MAX_HEALTH_CHECK_TAGS. */
export const HEALTH_CHECK_OWN_TAG_KEYS: readonly string[] = Object.keys(healthCheckTags(''));
