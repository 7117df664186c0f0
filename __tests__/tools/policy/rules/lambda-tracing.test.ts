import { lambdaTracing } from '../../../../tools/policy/rules/lambda-tracing';
import { fixture, violationsOf } from '../../../helpers/policy';

describe('MRA-LAMBDA-TRACING', () => {
  test('an actively traced function complies', () => {
    expect(violationsOf(lambdaTracing, fixture({ aws_lambda_function: { f: { tracing_config: { mode: 'Active' } } } }))).toEqual([]);
  });

  test('PassThrough or no tracing_config is reported', () => {
    const stack = fixture({ aws_lambda_function: { pass: { tracing_config: { mode: 'PassThrough' } }, unset: {} } });
    expect(violationsOf(lambdaTracing, stack)).toEqual([
      ['aws_lambda_function.pass', 'tracing_config.mode is "PassThrough"'],
      ['aws_lambda_function.unset', 'tracing_config.mode is unset (PassThrough)'],
    ]);
  });
});
