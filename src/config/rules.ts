import { MIN_CHECKER_REGIONS } from './aws-regions';
import { Problems } from './fields';
import { regionalHostnameProblem } from './regional-hostname';
import { MultiRegionConfig } from './types';

/** What was read of a file so far: every section may be missing a setting that failed its own check. */
export type Draft = { readonly [K in keyof MultiRegionConfig]?: Partial<MultiRegionConfig[K]> };

/**
 * Checks that relate two settings, or a setting to whether it was given at all; each names the field and value.
 * `given` holds the settings the file set explicitly, by path.
 */
export function checkRules(config: Draft, given: ReadonlyMap<string, unknown>, problems: Problems): void {
  const retired = config.retiredRegions ?? [];
  const both = retired.filter((region) => config.regions?.includes(region));
  if (both.length > 0) {
    problems.bad('retiredRegions', both, 'must not also be in regions (a retired region has no resources)');
  }
  const origins = config.cors?.allowOrigins;
  if (origins && origins.length > 1 && origins.includes('*')) {
    problems.bad('cors.allowOrigins', origins, 'may hold "*" only on its own');
  }
  const checkers = config.healthCheck?.checkerRegions;
  if (checkers && checkers.length > 0 && checkers.length < MIN_CHECKER_REGIONS) {
    problems.bad('healthCheck.checkerRegions', checkers, `must list at least ${MIN_CHECKER_REGIONS} regions, or none for Route 53's default set`);
  }
  const budgetMs = config.healthCheck?.dependencyTimeoutMs;
  const timeoutSeconds = config.lambda?.timeoutSeconds;
  if (budgetMs !== undefined && timeoutSeconds !== undefined && budgetMs >= timeoutSeconds * 1000) {
    problems.bad('healthCheck.dependencyTimeoutMs', budgetMs, `must be shorter than lambda.timeoutSeconds (${timeoutSeconds} s)`);
  }
  if (config.dns?.recordType === 'ALIAS' && given.has('dns.ttl')) {
    problems.bad('dns.ttl', given.get('dns.ttl'), 'applies only to dns.recordType "CNAME" (ALIAS records answer with a 60 s TTL)');
  }
  const pattern = config.healthCheck?.regionalHostname;
  if (config.healthCheck?.target === 'execute-api' && given.has('healthCheck.regionalHostname')) {
    problems.bad('healthCheck.regionalHostname', pattern, 'applies only to healthCheck.target "hostname"');
  } else if (pattern !== undefined && config.regions && config.domainName) {
    const regions = config.regions.filter((region): region is string => region !== undefined);
    const problem = regionalHostnameProblem(pattern, regions, config.domainName);
    if (problem) problems.bad('healthCheck.regionalHostname', pattern, problem);
  }
}
