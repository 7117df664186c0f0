import { lambdaPermissionSourceArn } from '../../../../tools/policy/rules/lambda-permission-source-arn';
import { fixture, violationsOf } from '../../../helpers/policy';

const base = { action: 'lambda:InvokeFunction', function_name: 'f', principal: 'apigateway.amazonaws.com' };

describe('MRA-LAMBDA-PERMISSION-SOURCE', () => {
  test('a permission scoped to one API route complies', () => {
    const stack = fixture({ aws_lambda_permission: { ok: { ...base, source_arn: '${aws_api_gateway_rest_api.a.execution_arn}/*/GET/x' } } });
    expect(violationsOf(lambdaPermissionSourceArn, stack)).toEqual([]);
  });

  test('a missing or "*" source_arn, or principal "*", is reported', () => {
    const stack = fixture({
      aws_lambda_permission: { none: base, star: { ...base, source_arn: '*' }, anyone: { ...base, principal: '*', source_arn: 'arn:x' } },
    });
    expect(violationsOf(lambdaPermissionSourceArn, stack).map(([address]) => address)).toEqual([
      'aws_lambda_permission.none', 'aws_lambda_permission.star', 'aws_lambda_permission.anyone',
    ]);
  });
});
