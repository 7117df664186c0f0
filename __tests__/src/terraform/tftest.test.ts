import { mockProviderBlocks } from '../../../src/terraform/tftest';

describe('mock providers for terraform test', () => {
  test('one mock_provider per provider block, alias for alias, sharing the mocks folder', () => {
    expect(mockProviderBlocks({ provider: { aws: [{ alias: 'us-east-1' }, {}] } })).toBe([
      'mock_provider "aws" {',
      '  alias  = "us-east-1"',
      '  source = "./tests/mocks"',
      '}',
      'mock_provider "aws" {',
      '  source = "./tests/mocks"',
      '}',
    ].join('\n'));
  });
});
