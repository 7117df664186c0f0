import { ALIAS_TTL_SECONDS } from '../aws/route53';
import { HEALTH_CHECKER_REGIONS, MIN_CHECKER_REGIONS } from './aws-regions';
import { dependencyUrlProblem, maskUrl } from './dependency-url';
import { Problems } from './fields';
import { regionalHostname, regionalHostnameProblem } from './regional-hostname';
import { MultiRegionConfig } from './types';
import { isCertainlyZoneApex } from './zone-apex';

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
  if (config.dns?.recordType === 'CNAME' && config.domainName && isCertainlyZoneApex(config.domainName)) {
    problems.bad('dns.recordType', 'CNAME', `cannot name ${config.domainName}, which can only be its hosted zone's apex: DNS allows `
      + 'no CNAME there and Route 53 refuses it at apply; use "ALIAS" (the default), which works at the apex');
  }
  if (config.dns?.recordType === 'ALIAS' && given.has('dns.ttl')) {
    problems.bad('dns.ttl', given.get('dns.ttl'), `applies only to dns.recordType "CNAME" (ALIAS records answer with a ${ALIAS_TTL_SECONDS} s TTL)`);
  }
  const pattern = config.healthCheck?.regionalHostname;
  if (config.healthCheck?.target === 'execute-api' && given.has('healthCheck.regionalHostname')) {
    problems.bad('healthCheck.regionalHostname', pattern, 'applies only to healthCheck.target "hostname"');
  } else if (pattern !== undefined && config.regions && config.domainName) {
    const regions = config.regions.filter((region): region is string => region !== undefined);
    const problem = regionalHostnameProblem(pattern, regions, config.domainName);
    if (problem) problems.bad('healthCheck.regionalHostname', pattern, problem);
  }
  checkDependenciesAreNotThisApi(config, problems);
  checkProbesReachRequestFloor(config, problems);
}

/**
 * A region out of DNS gets no user traffic: only Route 53's probes of the served route feed its error-rate alarm. If
 * they bring fewer requests a period than `minRequests`, every period counts as too quiet to judge and a region that
 * still fails comes back. Counted with one checker per checker region (Route 53 runs at least that many).
 */
function checkProbesReachRequestFloor(config: Draft, problems: Problems): void {
  const errorRate = config.healthCheck?.errorRate;
  const interval = config.healthCheck?.requestInterval;
  if (!errorRate?.enabled || !errorRate.minRequests || !errorRate.periodSeconds || !interval) return;
  const checkers = config.healthCheck?.checkerRegions?.length || HEALTH_CHECKER_REGIONS.length;
  const probes = Math.floor(checkers * (errorRate.periodSeconds / interval));
  if (errorRate.minRequests <= probes) return;
  problems.bad('healthCheck.errorRate.minRequests', errorRate.minRequests, `is more than the ${probes} requests Route 53's probes `
    + `of the served route bring in a period (${checkers} checker regions x ${errorRate.periodSeconds} s / ${interval} s): a `
    + `region out of DNS would come back while still failing; lower it to ${probes} or lengthen healthCheck.errorRate.periodSeconds`);
}

/**
 * A health dependency on this API's own name (or a name under it, as every regional hostname is) makes each region's
 * health function call itself: all regions fail together and Route 53, failing open, stops failing over.
 */
function checkDependenciesAreNotThisApi(config: Draft, problems: Problems): void {
  const { domainName, regions, healthCheck } = config;
  if (!domainName || !healthCheck?.dependencies) return;
  const pattern = healthCheck.target === 'hostname' ? healthCheck.regionalHostname : undefined;
  const regional = pattern === undefined ? [] : (regions ?? [])
    .filter((region): region is string => region !== undefined)
    .map((region) => regionalHostname(pattern, region, domainName));
  healthCheck.dependencies.forEach((url, index) => {
    const problem = dependencyUrlProblem(url, [...regional, domainName]);
    if (problem) problems.bad(`healthCheck.dependencies[${index}]`, maskUrl(url), problem);
  });
}
