import { defaultRollbackWaitSeconds, rollbackSettleSeconds } from '../../../tools/rollout/region-gates';
import { TerraformJson } from '../../../tools/stack-model/terraform-json';
import { testConfig } from '../../helpers/config';
import { fakeRelease } from '../../helpers/rollout';
import { synthApiStack } from '../../helpers/synth';

const releaseOf = (overrides: Record<string, unknown>) =>
  fakeRelease('r', { 'us-east-1': 'e' }, synthApiStack(testConfig(overrides)).stack as unknown as TerraformJson);

describe('how long a rollback watches its regions', () => {
  test("recovery counts only after the error-rate alarm's window and Route 53's reaction: 2 x 60 s + 60 s by default", () => {
    const release = releaseOf({});
    expect(rollbackSettleSeconds(release)).toBe(180);
    expect(defaultRollbackWaitSeconds(release)).toBe(480);
  });

  test('the window follows the alarm settings, and the wait stays above it', () => {
    const release = releaseOf({ healthCheck: { errorRate: { periodSeconds: 300, evaluationPeriods: 3 } } });
    expect(rollbackSettleSeconds(release)).toBe(960);
    expect(defaultRollbackWaitSeconds(release)).toBeGreaterThan(960);
  });

  test('without error-rate alarms, the health checks own failover window', () => {
    expect(rollbackSettleSeconds(releaseOf({ healthCheck: { errorRate: { enabled: false } } }))).toBe(80);
  });
});
