import { mockProviderBlocks } from '../../../tools/terraform/tftest';

describe('mock providers for terraform test', () => {
  test('one mock_provider per provider block, alias for alias, each with its own mock folder', () => {
    expect(mockProviderBlocks({ provider: { aws: [{ alias: 'us-east-1', region: 'us-east-1' }, { region: 'eu-west-1' }] } })).toBe([
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
