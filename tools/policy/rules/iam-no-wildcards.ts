import { parsePolicyDocument } from '../policy-document';
import { block } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';
import { Block } from '../../stack-model/terraform-json';
import { StackResource } from '../../stack-model/stack-model';

/**
 * Actions IAM cannot scope to a resource: the Service Authorization Reference lists no resource type for them, so
 * `"Resource": "*"` is the only valid form. Each entry says why it is needed here.
 */
export const RESOURCE_STAR_ACTIONS: Readonly<Record<string, string>> = {
  'xray:PutTraceSegments': 'Lambda active tracing uploads segments; X-Ray has no resource-level permissions for it',
  'xray:PutTelemetryRecords': 'Lambda active tracing reports telemetry; X-Ray has no resource-level permissions for it',
};

const POLICY_TYPES = ['aws_iam_role_policy', 'aws_iam_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'];

export const iamNoWildcards: PolicyRule = {
  id: 'MRA-IAM-WILDCARD',
  description: 'IAM Allow statements name their actions and resources: no "*" action, no service-wide "svc:*", no '
    + '"*" resource except for actions that support no other (listed with their reason in RESOURCE_STAR_ACTIONS)',
  fix: 'List the exact actions and the ARNs they act on; for an action that only accepts "*", add it to '
    + 'RESOURCE_STAR_ACTIONS with the reason, in its own statement',
  check(stack) {
    const violations: Violation[] = [];
    for (const type of POLICY_TYPES) {
      for (const resource of stack.resources(type)) violations.push(...checkDocument(resource, resource.body.policy));
    }
    for (const role of stack.resources('aws_iam_role')) {
      const inline = role.body.inline_policy;
      for (const policy of Array.isArray(inline) ? inline : inline ? [inline] : []) {
        violations.push(...checkDocument(role, (policy as Block).policy));
      }
    }
    return violations;
  },
};

function checkDocument(resource: StackResource, policy: unknown): Violation[] {
  const at = (message: string): Violation => ({ address: resource.address, message });
  const document = typeof policy === 'string' ? parsePolicyDocument(policy) : undefined;
  if (!document) {
    return [at(`policy is neither JSON nor jsonencode({...}) (${String(policy).slice(0, 60)}), so its statements cannot be checked`)];
  }
  const statements = asList(document.Statement).map((statement) => block(statement) ?? {});
  return statements.flatMap((statement, index) => {
    if (statement.Effect !== 'Allow') return [];
    const label = `Statement[${index}]${statement.Sid ? ` (${String(statement.Sid)})` : ''}`;
    const problems: string[] = [];
    if (statement.NotAction !== undefined) problems.push('uses NotAction');
    if (statement.NotResource !== undefined) problems.push('uses NotResource');
    const actions = asList(statement.Action).map(String);
    const wildActions = actions.filter((action) => action === '*' || action.endsWith(':*'));
    if (wildActions.length > 0) problems.push(`allows every action of ${wildActions.join(', ')}`);
    if (asList(statement.Resource).includes('*')) {
      const unjustified = actions.filter((action) => !(action in RESOURCE_STAR_ACTIONS));
      if (unjustified.length > 0) problems.push(`allows ${unjustified.join(', ')} on Resource "*"`);
    }
    return problems.map((problem) => at(`${label} ${problem}`));
  });
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
