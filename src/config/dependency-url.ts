import { RefusalKind, maskUrl, refuseDependencyUrl } from '../../lambda-src/shared/dependency-url';

export { maskUrl };

const NO_SECRET = 'which would sit in plain text in the synthesized JSON, the Terraform state and the function\'s environment';

/**
 * What each kind of refused health URL would do if deployed. The rule itself is lambda-src/shared/dependency-url.ts,
 * which the health function applies too; these explanations stay out of its bundle.
 */
const CONSEQUENCE: Readonly<Record<RefusalKind, string>> = {
  scheme: '',
  'user-info': `, ${NO_SECRET} (and fetch refuses such URLs); give a health URL that needs no secret, e.g. one reachable `
    + 'only from the function\'s network',
  credential: `, ${NO_SECRET}; give a health URL that needs no secret`,
  loopback: ': inside Lambda it reaches the function\'s own sandbox (where the Lambda Runtime API listens), never a dependency',
  metadata: ': a health URL must never call it',
  unreachable: ': a Lambda function outside a VPC (as this stack\'s are) can never reach it',
  self: ': every region\'s health function would call itself through API Gateway, all regions would turn unhealthy '
    + 'together and Route 53, failing open, would silently stop failing over',
};

/** Why `url` cannot be a health dependency, with what it would do; undefined when it can. Never holds a secret. */
export function dependencyUrlProblem(url: string, ownHosts: readonly string[] = []): string | undefined {
  const refusal = refuseDependencyUrl(url, ownHosts);
  return refusal && refusal.problem + CONSEQUENCE[refusal.kind];
}
