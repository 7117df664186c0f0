import { ApiGatewayMethodSettings } from '@cdktf/provider-aws/lib/api-gateway-method-settings';
import { MultiRegionApiStack } from '../../../../src/stacks/multi-region-api-stack';
import { regionParity } from '../../../../tools/policy/rules/region-parity';
import { StackModel } from '../../../../tools/stack-model/stack-model';
import { FIVE_REGIONS, testConfig } from '../../../helpers/config';
import { synthApiStack } from '../../../helpers/synth';
import { App, Testing } from 'cdktf';
import { API_STACK_NAME } from '../../../../src/contract';

/** The five-region stack, with `drift` applied to it before synth (an escape hatch on one region). */
function fiveRegions(drift: (stack: MultiRegionApiStack) => void = () => undefined): StackModel {
  const stack = new MultiRegionApiStack(Testing.app() as App, API_STACK_NAME, { config: testConfig({ regions: FIVE_REGIONS }) });
  drift(stack);
  return new StackModel(JSON.parse(Testing.synth(stack)));
}

const reported = (model: StackModel) => regionParity.check(model).map((v) => v.message);

describe('MRA-REGION-PARITY', () => {
  test('the example and five regions, as built, comply', () => {
    expect(regionParity.check(new StackModel(synthApiStack().stack as never))).toEqual([]);
    expect(regionParity.check(fiveRegions())).toEqual([]);
  });

  test('one region\'s memory raised through an escape hatch is reported on that function, with both values', () => {
    const model = fiveRegions((stack) => stack.regions[2].api.helloWorld.function.addOverride('memory_size', 512));
    const violations = regionParity.check(model);
    expect(violations).toEqual([{
      address: expect.stringMatching(/^aws_lambda_function\.region-eu-west-1_/),
      message: 'function multi-region-api-hello-world memory_size is 512 in eu-west-1, 128 in us-east-1, us-west-2, ap-southeast-2, sa-east-1',
    }]);
  });

  test('a different health-check path, an extra environment key and different throttling in one region are each named', () => {
    const model = fiveRegions((stack) => {
      stack.regions[1].frontDoor.route53HealthCheck.resource.addOverride('resource_path', '/v1/helloworld');
      stack.regions[3].api.healthFunction.function.addOverride('environment.variables.DEBUG', '1');
      const settings = stack.regions[4].api.node.findAll().find((c): c is ApiGatewayMethodSettings => c instanceof ApiGatewayMethodSettings)!;
      settings.addOverride('settings.throttling_rate_limit', 5);
    });
    const messages = reported(model);
    expect(messages).toHaveLength(3);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/^function multi-region-api-health-check environment keys is \[.*"DEBUG".*\] in ap-southeast-2, \[.*\] in us-east-1, us-west-2, eu-west-1, sa-east-1$/),
      'health check resource_path is "/v1/helloworld" in us-west-2, "/v1/healthcheck" in us-east-1, eu-west-1, ap-southeast-2, sa-east-1',
      expect.stringMatching(/^method settings .* throttling is \{"rate":5,"burst":50\} in sa-east-1, \{"rate":100,"burst":50\} in us-east-1, us-west-2, eu-west-1, ap-southeast-2$/),
    ]));
  });

  test('a route or a base path missing in one region is reported on that region\'s REST API', () => {
    const model = fiveRegions((stack) => stack.regions[0].frontDoor.hostname!.domain.mapping.addOverride('base_path', 'v2'));
    expect(regionParity.check(model)).toEqual([{
      address: expect.stringMatching(/^aws_api_gateway_rest_api\.region-us-east-1_/),
      message: 'base paths is ["v1","v2"] in us-east-1, ["v1","v1"] in us-west-2, eu-west-1, ap-southeast-2, sa-east-1',
    }]);
  });

  test('with two regions, the first region is the reference', () => {
    const stack = new MultiRegionApiStack(Testing.app() as App, API_STACK_NAME, { config: testConfig() });
    stack.regions[1].api.helloWorld.function.addOverride('timeout', 20);
    expect(reported(new StackModel(JSON.parse(Testing.synth(stack))))).toEqual([
      'function multi-region-api-hello-world timeout is 20 in us-west-2, 5 in us-east-1',
    ]);
  });
});
