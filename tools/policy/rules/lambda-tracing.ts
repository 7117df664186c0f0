import { block } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';

export const lambdaTracing: PolicyRule = {
  id: 'MRA-LAMBDA-TRACING',
  description: 'Lambda functions send X-Ray traces (tracing_config mode Active)',
  fix: 'Set tracing_config { mode = "Active" } on aws_lambda_function and allow xray:PutTraceSegments and '
    + 'xray:PutTelemetryRecords to its role',
  check(stack) {
    const violations: Violation[] = [];
    for (const fn of stack.resources('aws_lambda_function')) {
      const mode = block(fn.body.tracing_config)?.mode;
      if (mode !== 'Active') {
        violations.push({ address: fn.address, message: `tracing_config.mode is ${mode === undefined ? 'unset (PassThrough)' : JSON.stringify(mode)}` });
      }
    }
    return violations;
  },
};
