import { resourceRule } from './resource-rule';

/** Without source_arn, any API (or bucket, topic...) of any account using that service principal may invoke. */
export const lambdaPermissionSourceArn = resourceRule({
  id: 'MRA-LAMBDA-PERMISSION-SOURCE',
  description: 'Lambda permissions granted to a service are scoped by source_arn to the one resource that invokes',
  fix: 'Set source_arn on aws_lambda_permission, e.g. "${aws_api_gateway_rest_api.x.execution_arn}/*/GET/path"',
}, 'aws_lambda_permission', (permission) => {
  const { principal, source_arn: sourceArn } = permission.body;
  if (principal === '*') return 'principal is "*" (anyone)';
  if (typeof sourceArn !== 'string' || sourceArn.trim() === '' || sourceArn.trim() === '*') {
    return `grants ${String(principal)} without source_arn (any such resource, in any account, may invoke)`;
  }
  return undefined;
});
