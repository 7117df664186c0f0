const { availableParallelism } = require('os');

/** Jest transpiles with SWC (no type checking: `npm run typecheck` does that as its own step). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Builds dist/ (well under a second) so suites that run the app or a CLI never see a stale bundle.
  globalSetup: '<rootDir>/tools/build/jest-global-setup.mjs',
  globalTeardown: '<rootDir>/tools/build/jest-global-teardown.mjs',
  setupFilesAfterEnv: ['<rootDir>/setup.js'],
  // Says which layers did not run for lack of Terraform or Chromium (jest hides the console of all-skipped suites).
  reporters: ['default', '<rootDir>/__tests__/helpers/skipped-layers-reporter.js'],
  testSequencer: '<rootDir>/__tests__/helpers/sequencer.js',
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The rollout dry run's real-provider proofs (three Terraform runs in a row, ~220 s of one worker) would add a third
  // to npm test; `npm run test:waves` runs them, and .ci/run does on every CI run.
  testPathIgnorePatterns: ['/node_modules/', '/__tests__/tools/rollout/wave-plans\\.test\\.ts$'],
  // Whole-stack synths and runs of the compiled app take seconds; 5 s (the default) fails on a busy 2-core runner.
  testTimeout: 30000,
  // Jest's default (cores - 1) is one worker on a 2-core runner. Many suites mostly wait (on Terraform, Chromium, the
  // local run, the drill's timeouts), so one worker more than cores keeps both cores busy: on 2 cores 3 workers took
  // 87 s of jest where 2 took 96 s (fresh clone, every layer).
  maxWorkers: availableParallelism() + 1,
};
