import { block } from '../../stack-model/references';
import { resourceRule } from './resource-rule';

export const lambdaTracing = resourceRule({
  id: 'MRA-LAMBDA-TRACING',
  description: 'Lambda functions send X-Ray traces (tracing_config mode Active)',
  fix: 'Set tracing_config { mode = "Active" } on aws_lambda_function and allow xray:PutTraceSegments and '
    + 'xray:PutTelemetryRecords to its role',
}, 'aws_lambda_function', (fn) => {
  const mode = block(fn.body.tracing_config)?.mode;
  return mode === 'Active' ? undefined : `tracing_config.mode is ${mode === undefined ? 'unset (PassThrough)' : JSON.stringify(mode)}`;
});
