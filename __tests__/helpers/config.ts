import { ConfigError, validateConfig } from '../../src/config/validate';
import { MultiRegionConfig } from '../../src/config/types';

export const MINIMAL = {
  domainName: 'api.example.com',
  hostedZoneId: 'Z0123456789EXAMPLE01',
  regions: ['us-east-1', 'us-west-2'],
};

export const FIVE_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2', 'sa-east-1'];

/** A file that sets every setting (the s3 backend's; EVERY_BACKEND has the others'). */
export const EVERY_SETTING = {
  ...MINIMAL,
  regions: FIVE_REGIONS,
  retiredRegions: ['eu-central-1'],
  namePrefix: 'shop-api',
  tags: { Team: 'platform', CostCenter: '42' },
  cors: { allowOrigins: ['https://app.example.com', 'http://localhost:8080'] },
  lambda: { memoryMb: 256, timeoutSeconds: 10, logRetentionDays: 30 },
  healthCheck: {
    target: 'hostname', regionalHostname: 'check-{region}.{domainName}', requestInterval: 30, failureThreshold: 3,
    checkerRegions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'], dependencies: ['https://db.internal.example.com/ping'],
    dependencyTimeoutMs: 1000,
    errorRate: { enabled: false, threshold: 0.2, periodSeconds: 300, evaluationPeriods: 3, minRequests: 100 },
  },
  dns: { recordType: 'CNAME', ttl: 30 },
  api: { throttlingRateLimit: 500, throttlingBurstLimit: 100 },
  apiGatewayAccountSetting: 'account-stack',
  alarms: { emails: ['oncall@example.com', 'platform@example.com'] },
  state: { backend: 's3', bucket: 'shop-api-state-example', key: 'env/prod.tfstate', region: 'eu-west-1', dynamodbTable: 'shop-api-locks' },
};

/** EVERY_SETTING with each state backend's settings in full. */
export const EVERY_BACKEND = [
  EVERY_SETTING,
  { ...EVERY_SETTING, state: { backend: 'cloud', organization: 'acme', workspace: 'shop-api-prod', hostname: 'tfe.example.com' } },
  { ...EVERY_SETTING, state: { backend: 'local', path: 'state/shop-api.tfstate' } },
];

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
