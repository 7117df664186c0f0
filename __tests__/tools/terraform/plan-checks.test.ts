import { StackModel } from '../../../tools/stack-model/stack-model';
import { describeCoverageGap, planCoverage } from '../../../tools/terraform/plan-checks';
import { fakePlan } from '../../helpers/plan-json';

const PROVIDERS = { 'aws.us-east-1': 'us-east-1' };
const STACK = new StackModel({ resource: { aws_lambda_function: { a: {}, b: {} }, aws_iam_role: { r: {} } } });

describe('plan coverage', () => {
  test('every synthesized resource planned for creation, nothing else: no gap', () => {
    const plan = fakePlan([
      ['aws_lambda_function.a', 'aws.us-east-1', ['create']],
      ['aws_lambda_function.b', 'aws.us-east-1', ['create']],
      ['aws_iam_role.r[0]', 'aws.us-east-1', ['create']],
    ], PROVIDERS);
    expect(planCoverage(STACK, plan)).toEqual({ missing: [], unexpected: [] });
    expect(describeCoverageGap(planCoverage(STACK, plan))).toBeUndefined();
  });

  test('names what is missing and what was never synthesized', () => {
    const plan = fakePlan([
      ['aws_lambda_function.a', 'aws.us-east-1', ['create']],
      ['aws_lambda_function.b', 'aws.us-east-1', ['no-op']],
      ['aws_s3_bucket.extra', 'aws.us-east-1', ['create']],
    ], PROVIDERS);
    expect(describeCoverageGap(planCoverage(STACK, plan)))
      .toBe('not planned: aws_iam_role.r, aws_lambda_function.b; planned but not synthesized: aws_s3_bucket.extra');
  });
});
