import { PolicyRule, Violation } from '../types';

/** Without source_arn, any API (or bucket, topic...) of any account using that service principal may invoke. */
export const lambdaPermissionSourceArn: PolicyRule = {
  id: 'MRA-LAMBDA-PERMISSION-SOURCE',
  description: 'Lambda permissions granted to a service are scoped by source_arn to the one resource that invokes',
  fix: 'Set source_arn on aws_lambda_permission, e.g. "${aws_api_gateway_rest_api.x.execution_arn}/*/GET/path"',
  check(stack) {
    const violations: Violation[] = [];
    for (const permission of stack.resources('aws_lambda_permission')) {
      const { principal, source_arn: sourceArn } = permission.body;
      if (principal === '*') {
        violations.push({ address: permission.address, message: 'principal is "*" (anyone)' });
      } else if (typeof sourceArn !== 'string' || sourceArn.trim() === '' || sourceArn.trim() === '*') {
        violations.push({
          address: permission.address,
          message: `grants ${String(principal)} without source_arn (any such resource, in any account, may invoke)`,
        });
      }
    }
    return violations;
  },
};
