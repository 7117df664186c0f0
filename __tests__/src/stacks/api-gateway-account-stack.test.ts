import { App, Testing } from 'cdktf';
import { buildApp } from '../../../src/app';
import { API_GATEWAY_ACCOUNT_STACK_NAME } from '../../../src/contract';
import { ApiGatewayAccountStack } from '../../../src/stacks/api-gateway-account-stack';
import { testConfig } from '../../helpers/config';
import { ref, resourcesOf, SynthesizedStack } from '../../helpers/synth';

function synth(): SynthesizedStack {
  const stack = new ApiGatewayAccountStack(Testing.app() as App, API_GATEWAY_ACCOUNT_STACK_NAME, { regions: ['us-east-1', 'eu-west-1'] });
  return JSON.parse(Testing.synth(stack)) as SynthesizedStack;
}

describe('api-gateway-account stack (once per account)', () => {
  const stack = synth();

  test('one retained role, named for the account (not an environment), and each region\'s setting naming it', () => {
    const [[roleId, role]] = resourcesOf(stack, 'aws_iam_role');
    expect(role).toMatchObject({ name: 'api-gateway-cloudwatch-logs', lifecycle: { prevent_destroy: true } });
    const accounts = resourcesOf(stack, 'aws_api_gateway_account');
    expect(accounts.map(([, a]) => [a.provider, a.cloudwatch_role_arn]).sort()).toEqual([
      ['aws.eu-west-1', ref('aws_iam_role', roleId, 'arn')], ['aws.us-east-1', ref('aws_iam_role', roleId, 'arn')],
    ]);
    // The setting outlives a destroy (the provider keeps it unless reset_on_delete), so it must keep a live role.
    for (const [, account] of accounts) expect(account.reset_on_delete).toBeUndefined();
  });

  test('only when a config asks for it: by default no environment synthesizes it', () => {
    expect(buildApp(testConfig()).accountStack).toBeUndefined();
    expect(buildApp(testConfig({ apiGatewayAccountSetting: 'account-stack' })).accountStack).toBeInstanceOf(ApiGatewayAccountStack);
  });
});
