/**
 * Writes browser-client/settings.json for a deployed stack:
 *   terraform -chdir=cdktf.out/stacks/multi-region-api output -json | npm run --silent client:settings
 *   npm run --silent client:settings -- --from-config      (https://<domainName> of MULTI_REGION_CONFIG)
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ConfigError, configPath, loadConfig } from '../../src/config';
import { projectRoot } from '../../src/project-root';
import { ClientSettingsFile, settingsFromDomain, settingsFromOutputs } from './settings';

function settings(argv: readonly string[]): ClientSettingsFile {
  if (argv.includes('--from-config')) return settingsFromDomain(loadConfig(configPath()).domainName);
  const text = readFileSync(0, 'utf8');
  let outputs: unknown;
  try {
    outputs = JSON.parse(text);
  } catch {
    throw new Error('stdin is not `terraform output -json` (not JSON); or pass --from-config');
  }
  return settingsFromOutputs(outputs);
}

try {
  const file = join(projectRoot(), 'browser-client', 'settings.json');
  const written = settings(process.argv.slice(2));
  writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
  console.log(`browser-client/settings.json: endpoint ${written.endpoint}`);
} catch (error) {
  const message = error instanceof ConfigError ? `invalid configuration ${error.message}` : (error as Error).message;
  console.error(`client:settings: ${message}`);
  process.exit(1);
}
