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

/** POSTs a control body to a running local system as `npm run local -- flip|fault` does: JSON, no Origin. */
export function postControl(globalUrl: string, region: string, route: 'status' | 'fault', body: unknown): Promise<Response> {
  return fetch(`${globalUrl}/control/regions/${region}/${route}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
}
