import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/** The live stack every scenario changes: three regions, two alarm emails, local state (no backend to reach). */
export const BASE_CONFIG = {
  domainName: 'api.example.com',
  hostedZoneId: 'Z0123456789EXAMPLE01',
  regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
  alarms: { emails: ['oncall@example.com', 'platform@example.com'] },
  tags: { Project: 'multi-region-api' },
  state: { backend: 'local' },
} as const;

/** The base as the previous version of this project deployed it: error-rate eviction did not exist (its stack is
 * byte-identical to this version's with eviction switched off). */
export const BEFORE_ERROR_RATE_EVICTION = { ...BASE_CONFIG, healthCheck: { errorRate: { enabled: false } } };

type Config = Record<string, unknown>;

/** Each scenario: the config the live stack changes to. */
export const SCENARIOS = {
  rename: { ...BASE_CONFIG, namePrefix: 'orders-api' },
  corsOrigins: { ...BASE_CONFIG, cors: { allowOrigins: ['https://app.example.com'] } },
  reorderRegions: { ...BASE_CONFIG, regions: ['eu-west-1', 'us-west-2', 'us-east-1'] },
  addRegion: { ...BASE_CONFIG, regions: [...BASE_CONFIG.regions, 'ap-southeast-1'] },
  retireFirstRegion: { ...BASE_CONFIG, regions: ['us-west-2', 'eu-west-1'], retiredRegions: ['us-east-1'] },
  dropFirstEmail: { ...BASE_CONFIG, alarms: { emails: ['platform@example.com'] } },
  // The request floor follows: at 30 s the probes bring 16 requests a minute, and synth refuses a floor above that.
  healthCheckInterval: { ...BASE_CONFIG, healthCheck: { requestInterval: 30, errorRate: { minRequests: 16 } } },
  cnameRecords: { ...BASE_CONFIG, dns: { recordType: 'CNAME' } },
} satisfies Record<string, Config>;

export type ScenarioName = keyof typeof SCENARIOS;

/** Writes each config to a file of its own; returns the paths by name. */
export function writeConfigs<K extends string>(configs: Record<K, Config>): Record<K, string> {
  const dir = mkdtempSync(join(tmpdir(), 'plan-change-scenarios-'));
  const files = {} as Record<K, string>;
  for (const [name, config] of Object.entries(configs) as Array<[K, Config]>) {
    files[name] = join(dir, `${name}.json`);
    writeFileSync(files[name], JSON.stringify(config));
  }
  return files;
}
