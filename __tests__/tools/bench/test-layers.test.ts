import { existsSync } from 'fs';
import { join } from 'path';
import { layerOf } from '../../../tools/bench/test-layers';

const ROOT = join(__dirname, '..', '..', '..');

describe('layerOf', () => {
  test.each([
    ['__tests__/lambda-src/health-check/index.test.ts', 'unit'],
    ['__tests__/src/config/validate.test.ts', 'unit'],
    ['__tests__/src/stacks/multi-region-api-stack.test.ts', 'synth'],
    ['__tests__/src/constructs/regional-api-observability.test.ts', 'synth'],
    ['__tests__/main.test.ts', 'synth'],
    ['__tests__/tools/terraform/plan-checks.test.ts', 'terraform'],
    ['__tests__/tools/terraform/stack-proof.test.ts', 'terraform'],
    ['__tests__/tools/plan-change/scenarios/scenarios.test.ts', 'day2'],
    ['__tests__/tools/plan-change/plan-change.test.ts', 'other'],
    ['__tests__/e2e/failover-chromium.test.ts', 'e2e'],
    ['__tests__/src/app.test.ts', 'synth'],
    ['__tests__/tools/policy/run.test.ts', 'other'],
    ['__tests__/src/bundling.test.ts', 'other'],
  ])('%s -> %s', (path, layer) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
    expect(layerOf(path)).toBe(layer);
  });
});
