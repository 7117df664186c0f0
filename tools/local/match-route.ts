import { executeApiHost } from '../../src/aws/api-gateway';
import { RegionApiModel, RouteModel } from './model';

export type RouteMatch =
  | {
    readonly found: true;
    readonly route: RouteModel;
    readonly stage: string;
    readonly eventPath: string;
    readonly domainName: string;
  }
  | { readonly found: false; readonly statusCode: 403; readonly message: string };

const MISSING_TOKEN = 'Missing Authentication Token';

/**
 * Which route of one region's API a path reaches, the way API Gateway resolves it: `/<base path>/...` through a
 * custom domain's base path mapping, or `/<stage>/...` on the execute-api host. Unknown paths get API Gateway's 403s.
 */
export function matchRoute(api: RegionApiModel, path: string): RouteMatch {
  const [, first = '', ...rest] = path.split('/');
  const underFirst = trimmed(`/${rest.join('/')}`);
  const apiHost = executeApiHost(api.restApiId, api.region);
  const mapping = api.basePaths.find((m) => m.basePath !== '' && m.basePath === first);
  const rootMapping = api.basePaths.find((m) => m.basePath === '');
  const via = mapping ? { resource: underFirst, stage: mapping.stageName, eventPath: path, domainName: mapping.domainName }
    : api.stageNames.includes(first) ? { resource: underFirst, stage: first, eventPath: underFirst, domainName: apiHost }
      : rootMapping ? { resource: trimmed(path), stage: rootMapping.stageName, eventPath: path, domainName: rootMapping.domainName }
        : undefined;
  if (!via || !api.stageNames.includes(via.stage)) return { found: false, statusCode: 403, message: MISSING_TOKEN };
  const route = api.routes.find((r) => r.path === via.resource);
  if (!route) return { found: false, statusCode: 403, message: MISSING_TOKEN };
  return { found: true, route, stage: via.stage, eventPath: via.eventPath, domainName: via.domainName };
}

function trimmed(path: string): string {
  return path.replace(/\/+$/, '') || '/';
}
