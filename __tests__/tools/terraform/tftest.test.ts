import { StackModel } from '../../../tools/stack-model/stack-model';
import { mockProviderBlocks } from '../../../tools/terraform/tftest';

describe('mock providers for terraform test', () => {
  test('one mock_provider per provider block, alias for alias, each with its own mock folder', () => {
    expect(mockProviderBlocks(new StackModel({ provider: { aws: [{ alias: 'us-east-1', region: 'us-east-1' }, { region: 'eu-west-1' }] } }))).toBe([
      'mock_provider "aws" {',
      '  alias  = "us-east-1"',
      '  source = "./tests/mocks/us-east-1"',
      '}',
      'mock_provider "aws" {',
      '  source = "./tests/mocks/default"',
      '}',
    ].join('\n'));
  });
});
