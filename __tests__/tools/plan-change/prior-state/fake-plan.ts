import { ConvergencePlan } from '../../../../tools/plan-change/converge';
import { ResourceSchemas } from '../../../../tools/plan-change/prior-state/schema';

export const SCHEMAS: ResourceSchemas = {
  aws_lambda_function: {
    version: 0,
    block: {
      attributes: {
        function_name: { type: 'string' }, arn: { type: 'string', computed: true }, id: { type: 'string', computed: true },
        invoke_arn: { type: 'string', computed: true }, kms_key_arn: { type: 'string', optional: true, computed: true },
        memory_size: { type: 'number', optional: true, computed: true }, layers: { type: ['list', 'string'], optional: true, computed: true },
      },
      block_types: { tracing_config: { nesting_mode: 'list', block: { attributes: { mode: { type: 'string' } } } } },
    },
  },
  aws_acm_certificate: {
    version: 0,
    block: {
      attributes: {
        domain_name: { type: 'string' }, arn: { type: 'string', computed: true }, id: { type: 'string', computed: true },
        private_key: { type: 'string', optional: true, sensitive: true },
        domain_validation_options: {
          type: ['set', ['object', { domain_name: 'string', resource_record_name: 'string', resource_record_type: 'string', resource_record_value: 'string' }]],
          computed: true,
        },
      },
    },
  },
  aws_route53_record: { version: 2, block: { attributes: { name: { type: 'string' }, id: { type: 'string', computed: true } } } },
};

/** A create plan of one function in us-west-2, a certificate and a for_each record keyed by domain. */
export function createPlan(): ConvergencePlan {
  return {
    planned_values: {
      root_module: {
        resources: [
          { address: 'aws_lambda_function.fn', mode: 'managed', type: 'aws_lambda_function', name: 'fn', schema_version: 0,
            values: { function_name: 'api-hello' }, sensitive_values: {} },
          { address: 'aws_acm_certificate.cert', mode: 'managed', type: 'aws_acm_certificate', name: 'cert', schema_version: 0,
            values: { domain_name: 'api.example.com', private_key: null, domain_validation_options: [{ domain_name: 'api.example.com' }] },
            sensitive_values: { private_key: true, domain_validation_options: [{}] } },
          { address: 'aws_route53_record.v["api.example.com"]', mode: 'managed', type: 'aws_route53_record', name: 'v', index: 'api.example.com',
            schema_version: 2, values: { name: '_x.api.example.com.' } },
        ],
      },
      outputs: { url: { sensitive: false, type: 'string', value: 'https://api.example.com' }, later: { sensitive: false } },
    },
    resource_changes: [
      { address: 'aws_lambda_function.fn', mode: 'managed', type: 'aws_lambda_function',
        change: { actions: ['create'], after_unknown: { arn: true, id: true, invoke_arn: true, kms_key_arn: true, memory_size: true, layers: true, tracing_config: true } } },
      { address: 'aws_acm_certificate.cert', mode: 'managed', type: 'aws_acm_certificate',
        change: { actions: ['create'], after_unknown: { arn: true, id: true, domain_validation_options: [{ resource_record_name: true, resource_record_type: true, resource_record_value: true }] } } },
      { address: 'aws_route53_record.v["api.example.com"]', mode: 'managed', type: 'aws_route53_record', change: { actions: ['create'], after_unknown: { id: true } } },
    ],
    configuration: {
      provider_config: { 'aws.us-west-2': { expressions: { region: { constant_value: 'us-west-2' } } } },
      root_module: { resources: [
        { address: 'aws_lambda_function.fn', provider_config_key: 'aws.us-west-2' },
        { address: 'aws_acm_certificate.cert', provider_config_key: 'aws.us-west-2' },
        { address: 'aws_route53_record.v', provider_config_key: 'aws.us-west-2' },
      ] },
    },
  };
}
