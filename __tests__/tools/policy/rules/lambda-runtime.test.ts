import { lambdaRuntimeRule } from '../../../../tools/policy/rules/lambda-runtime';
import { fixture, violationsOf } from '../../../helpers/policy';

const on = (day: string) => lambdaRuntimeRule(() => new Date(`${day}T00:00:00Z`));

describe('MRA-LAMBDA-RUNTIME', () => {
  test('a runtime before its deprecation date complies; container images have no runtime', () => {
    const stack = fixture({ aws_lambda_function: { f: { runtime: 'nodejs22.x' }, image: { package_type: 'Image' } } });
    expect(violationsOf(on('2026-11-28'), stack)).toEqual([]);
  });

  test('a deprecated or unknown runtime is reported, judged by the injected date', () => {
    const stack = fixture({ aws_lambda_function: { old: { runtime: 'nodejs18.x' }, odd: { runtime: 'cobol1.x' }, f: { runtime: 'nodejs22.x' } } });
    expect(violationsOf(on('2027-04-30'), stack)).toEqual([
      ['aws_lambda_function.old', 'runtime nodejs18.x was deprecated on 2025-09-01'],
      ['aws_lambda_function.odd', 'runtime "cobol1.x" has no known deprecation date'],
      ['aws_lambda_function.f', 'runtime nodejs22.x was deprecated on 2027-04-30'],
    ]);
  });
});
