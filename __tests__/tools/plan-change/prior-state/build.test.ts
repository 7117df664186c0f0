import { stateFromPlan } from '../../../../tools/plan-change/prior-state/build';
import { createPlan, SCHEMAS } from './fake-plan';

describe('stateFromPlan', () => {
  const state = stateFromPlan(createPlan(), SCHEMAS, '1.11.4', 'seed');
  const instance = (type: string) => state.resources.find((r) => r.type === type)!.instances[0];

  test('format 4, one resource per configuration address with its provider alias and schema version', () => {
    expect(state).toEqual(expect.objectContaining({ version: 4, terraform_version: '1.11.4', serial: 1 }));
    expect(state.resources.map((r) => [r.type, r.name, r.provider])).toEqual([
      ['aws_lambda_function', 'fn', 'provider["registry.terraform.io/hashicorp/aws"].us-west-2'],
      ['aws_acm_certificate', 'cert', 'provider["registry.terraform.io/hashicorp/aws"].us-west-2'],
      ['aws_route53_record', 'v', 'provider["registry.terraform.io/hashicorp/aws"].us-west-2'],
    ]);
    expect(instance('aws_route53_record')).toEqual(expect.objectContaining({ index_key: 'api.example.com', schema_version: 2 }));
  });

  test('unknown ids and ARNs get realistic placeholders in the right region and account', () => {
    expect(instance('aws_lambda_function').attributes).toEqual(expect.objectContaining({
      id: 'api-hello',
      arn: 'arn:aws:lambda:us-west-2:123456789012:function:api-hello',
      invoke_arn: 'arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:api-hello/invocations',
    }));
    expect(instance('aws_acm_certificate').attributes.arn).toMatch(/^arn:aws:acm:us-west-2:123456789012:certificate\/[0-9a-f-]{36}$/);
  });

  test('optional+computed scalars AWS would default stay null, collections empty, nested blocks empty', () => {
    expect(instance('aws_lambda_function').attributes).toEqual(expect.objectContaining({ kms_key_arn: expect.any(String), memory_size: null, layers: [], tracing_config: [] }));
  });

  test("the certificate's validation options are CNAME records for its names", () => {
    const [option] = instance('aws_acm_certificate').attributes.domain_validation_options as Array<Record<string, string>>;
    expect(option).toEqual({
      domain_name: 'api.example.com',
      resource_record_name: expect.stringMatching(/^_[0-9a-f]{32}\.api\.example\.com\.$/),
      resource_record_type: 'CNAME',
      resource_record_value: expect.stringMatching(/^_[0-9a-f]{32}\.[a-z0-9]{10}\.acm-validations\.aws\.$/),
    });
  });

  test("the schema's sensitive attributes are marked, known outputs kept with their types", () => {
    expect(instance('aws_acm_certificate').sensitive_attributes).toEqual([[{ type: 'get_attr', value: 'private_key' }]]);
    expect(state.outputs).toEqual({ url: { value: 'https://api.example.com', type: 'string' } });
  });

  test('folding a later plan keeps what it leaves unknown from the prior state and takes what it knows', () => {
    const round = createPlan();
    const fn = round.planned_values.root_module.resources![0] as { values: Record<string, unknown> };
    fn.values = { function_name: 'api-hello', memory_size: 128 };
    (round.resource_changes![0].change as { after_unknown: unknown }).after_unknown = { arn: true, id: true, invoke_arn: true };
    const folded = stateFromPlan(round, SCHEMAS, '1.11.4', 'seed', state);
    const attributes = folded.resources[0].instances[0].attributes;
    expect(attributes.memory_size).toBe(128);
    expect(attributes.arn).toBe(instance('aws_lambda_function').attributes.arn);
    expect([folded.serial, folded.lineage]).toEqual([2, state.lineage]);
  });
});
