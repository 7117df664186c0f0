import { ConfigError, validateConfig } from '../../src/config/validate';
import { MultiRegionConfig } from '../../src/config/types';

export const MINIMAL = {
  domainName: 'api.example.com',
  hostedZoneId: 'Z0123456789EXAMPLE01',
  regions: ['us-east-1', 'us-west-2'],
};

export const FIVE_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

/** A validated config: the minimal file plus `overrides`. */
export function testConfig(overrides: Record<string, unknown> = {}): MultiRegionConfig {
  return validateConfig({ ...MINIMAL, ...overrides }, 'test');
}

/** The problems validateConfig reports for `raw`; fails the test if it accepts it. */
export function problemsOf(raw: unknown): readonly string[] {
  try {
    validateConfig(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the config to be rejected');
}
