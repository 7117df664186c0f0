import { Change, isReplace } from '../changes';
import { inScope, RiskRule } from '../rule';

/** Resource types whose state a REST API deployment snapshots: a change to them is live only after a redeploy. */
const SNAPSHOTTED = new Set([
  'aws_api_gateway_resource', 'aws_api_gateway_method', 'aws_api_gateway_method_response', 'aws_api_gateway_integration',
  'aws_api_gateway_integration_response', 'aws_api_gateway_gateway_response', 'aws_api_gateway_model',
]);

/** A function the stage invokes goes away: replaced, or renamed (its ARN changes). */
const functionGone = (c: Change) => c.type === 'aws_lambda_function' && (isReplace(c) || c.attributes.includes('function_name'));

function servesChange(c: Change): boolean {
  return functionGone(c) || (SNAPSHOTTED.has(c.type) && c.kind !== 'destroy');
}

/** The stage moves to a new deployment in the same apply: a deployment is made and the stage points at it. */
function redeploys(changes: readonly Change[], scope: string): boolean {
  const deployed = inScope(changes, scope, 'aws_api_gateway_deployment').some((c) => c.kind === 'create' || isReplace(c));
  const stageMoves = inScope(changes, scope, 'aws_api_gateway_stage')
    .some((c) => c.kind === 'create' || isReplace(c) || c.attributes.includes('deployment_id'));
  return deployed && stageMoves;
}

/**
 * A stage serves the deployment it points at, a snapshot of methods and integrations. When a function is replaced
 * or what the API serves changes and no new deployment reaches the stage in the same region, the stage keeps
 * invoking what the snapshot names: deleted functions answer 5xx, health checks included.
 */
export const staleStageSnapshot: RiskRule = {
  id: 'stale-stage-snapshot',
  check: (changes) => {
    const retired = new Set(changes.filter((c) => c.type === 'aws_api_gateway_rest_api' && c.kind === 'destroy').map((c) => c.scope));
    return changes.filter(servesChange).filter((c) => !retired.has(c.scope) && !redeploys(changes, c.scope)).map((c) => ({
      rule: staleStageSnapshot.id,
      severity: 'outage' as const,
      scope: c.scope,
      address: c.address,
      message: functionGone(c)
        ? `function ${c.kind === 'update' ? 'renamed' : 'replaced'} with no new deployment reaching the stage in ${c.scope}: the stage keeps invoking the old function (5xx)`
        : `${c.type} changes (${c.attributes.join(', ') || c.kind}) with no new deployment reaching the stage in ${c.scope}: the stage keeps serving the old snapshot`,
    }));
  },
};
