import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MINIMAL } from './config';
import { addContractGlobalLayer } from './global-layer-fixture';
import { runMain } from './run-main';

/**
 * Synthesizes the compiled app with `MINIMAL` plus `overrides` (through MULTI_REGION_CONFIG, as a user would) and
 * returns the stack folder the local runner reads.
 */
export function synthForLocalRun(overrides: Record<string, unknown> = {}): string {
  const config = { ...MINIMAL, ...overrides } as typeof MINIMAL & { healthCheck?: { requestInterval?: number; failureThreshold?: number } };
  const configFile = join(mkdtempSync(join(tmpdir(), 'mr-api-local-config-')), 'config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const run = runMain({ MULTI_REGION_CONFIG: configFile });
  if (run.status !== 0) throw new Error(`synth failed: ${run.stderr}`);
  const stackDir = join(run.outdir, 'stacks', 'multi-region-api');
  const file = join(stackDir, 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  if (addContractGlobalLayer(json, {
    domainName: config.domainName,
    hostedZoneId: config.hostedZoneId,
    requestInterval: config.healthCheck?.requestInterval ?? 10,
    failureThreshold: config.healthCheck?.failureThreshold ?? 2,
  })) writeFileSync(file, JSON.stringify(json, null, 2));
  return stackDir;
}
