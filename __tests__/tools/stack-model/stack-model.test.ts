import { findReference, parseReference, referencesIn } from '../../../tools/stack-model/references';
import { StackModel } from '../../../tools/stack-model/stack-model';

const stack = new StackModel({
  provider: { aws: [{ region: 'eu-west-1' }, { alias: 'us-east-1', region: 'us-east-1' }, { alias: 'us-east-1-monitoring', region: 'us-east-1' }] },
  resource: {
    aws_api_gateway_rest_api: { east: { provider: 'aws.us-east-1', name: 'api' }, home: {}, lost: { provider: 'aws.nowhere' } },
    aws_api_gateway_stage: { prod: { provider: 'aws.us-east-1', stage_name: 'prod', rest_api_id: '${aws_api_gateway_rest_api.east.id}' } },
    aws_lambda_function: { fn: { filename: 'assets/hello/archive.zip', function_name: '${aws_api_gateway_rest_api.east.name}' } },
  },
  data: { aws_caller_identity: { me: {} } },
  output: { stage: { value: '${aws_api_gateway_stage.prod.stage_name}' } },
});

describe('StackModel', () => {
  test('a resource is in the region of its provider alias; no provider means the default provider', () => {
    const region = (name: string) => stack.regionOf(stack.resource('aws_api_gateway_rest_api', name)!);
    expect([region('east'), region('home'), region('lost')]).toEqual(['us-east-1', 'eu-west-1', undefined]);
    expect(() => stack.requireRegion(stack.resource('aws_api_gateway_rest_api', 'lost')!))
      .toThrow('aws_api_gateway_rest_api.lost is bound to no AWS provider with a region (provider = aws.nowhere)');
  });

  test('resources by type and address, data sources included in allResources', () => {
    expect(stack.resources('aws_api_gateway_rest_api').map((r) => r.address)).toEqual([
      'aws_api_gateway_rest_api.east', 'aws_api_gateway_rest_api.home', 'aws_api_gateway_rest_api.lost']);
    expect(stack.resourceAt('data.aws_caller_identity.me')?.mode).toBe('data');
    expect(stack.allResources()).toHaveLength(6);
    expect(stack.addresses()).toHaveLength(5);
  });

  test('literals follow whole-value references; a reference to a missing resource names the field', () => {
    expect(stack.literal('${aws_api_gateway_stage.prod.stage_name}', 'x')).toBe('prod');
    expect(stack.literal(stack.resource('aws_lambda_function', 'fn')!.body.function_name, 'fn')).toBe('api');
    expect(() => stack.literal('${aws_api_gateway_stage.gone.stage_name}', 'out.stage'))
      .toThrow('out.stage references aws_api_gateway_stage.gone, which is not in the stack');
    expect(stack.referenced('${aws_api_gateway_rest_api.east.id}.execute-api', 'aws_api_gateway_rest_api', 'fqdn').name).toBe('east');
    expect(() => stack.referenced('plain', 'aws_api_gateway_rest_api', 'fqdn')).toThrow('fqdn: expected a reference to a aws_api_gateway_rest_api, found "plain"');
  });

  test('outputs and assets', () => {
    expect([...stack.outputs()]).toEqual([['stage', '${aws_api_gateway_stage.prod.stage_name}']]);
    expect(stack.assets()).toEqual(['assets/hello/archive.zip']);
  });
});

describe('references', () => {
  test('whole, embedded and every reference inside a value', () => {
    expect(parseReference('${aws_x.a.id}')).toEqual({ type: 'aws_x', name: 'a', attribute: 'id' });
    expect(parseReference('${aws_x.a.id}.suffix')).toBeUndefined();
    expect(findReference('host-${aws_x.a.id}.suffix')).toEqual({ type: 'aws_x', name: 'a', attribute: 'id' });
    expect(referencesIn({ a: ['${aws_x.a.id}', '${data.aws_y.b.arn}'], '//': '${aws_z.c.id}' })).toEqual(['aws_x.a', 'data.aws_y.b']);
  });
});
