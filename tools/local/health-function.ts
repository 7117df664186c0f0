import { HEALTH_SEARCH_STRING } from '../../src/contract';
import { LocalRunError } from './errors';
import { LocalFunction } from './local-function';
import { matchRoute } from './match-route';
import { HealthCheckModel, LocalStackModel } from './model';
import { RegionalServer } from './regional-server';

/**
 * The function a region's Route 53 health check reaches (its resource_path, routed like any request): the one whose
 * STATUS the blog flips. Found through the stack's wiring rather than by name, so a miswired check shows up here.
 */
export function healthFunction(model: LocalStackModel, regions: readonly RegionalServer[], region: string): LocalFunction {
  const server = regions.find((r) => r.region === region);
  if (!server) throw new LocalRunError(`unknown region "${region}"; known: ${model.regions.join(', ')}`);
  const check = healthRouteCheck(model, region);
  if (!check) throw new LocalRunError(`${region} has no Route 53 health check, so its STATUS moves no traffic`);
  const match = matchRoute(server.api, check.resourcePath);
  const integration = match.found ? match.route.methods.get('GET') : undefined;
  if (integration?.type !== 'AWS_PROXY') {
    throw new LocalRunError(`${region}: health check path ${check.resourcePath} reaches no Lambda function`);
  }
  return server.functions.get(integration.functionId)!;
}

/** The region's check of its health route: the endpoint check that looks for the healthy answer's string. */
export function healthRouteCheck(model: LocalStackModel, region: string): HealthCheckModel | undefined {
  return [...model.healthChecks.values()].find((c) => c.targetRegion === region && c.searchString === HEALTH_SEARCH_STRING);
}
