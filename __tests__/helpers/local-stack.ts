import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { MINIMAL } from './config';
import { runMain } from './run-main';

/**
 * Synthesizes the compiled app with `MINIMAL` plus `overrides` (through MULTI_REGION_CONFIG, as a user would) and
 * returns the stack folder the local runner reads.
 */
export function synthForLocalRun(overrides: Record<string, unknown> = {}): string {
  const configFile = join(mkdtempSync(join(tmpdir(), 'mr-api-local-config-')), 'config.json');
  writeFileSync(configFile, JSON.stringify({ ...MINIMAL, ...overrides }));
  const run = runMain({ MULTI_REGION_CONFIG: configFile });
  if (run.status !== 0) throw new Error(`synth failed: ${run.stderr}`);
  return join(run.outdir, 'stacks', API_STACK_NAME);
}
