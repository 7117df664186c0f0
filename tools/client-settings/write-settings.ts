import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { ConfigError, configPath, loadConfig } from '../../src/config';
import { projectRoot } from '../../src/project-root';
import { parseCli } from '../cli/args';
import { ClientSettingsFile, settingsFromDomain, settingsFromOutputs } from './settings';

const USAGE = `Writes browser-client/settings.json for a deployed stack:
  terraform -chdir=cdktf.out/stacks/multi-region-api output -json | npm run --silent client:settings
  npm run --silent client:settings -- --from-config   (https://<domainName> of MULTI_REGION_CONFIG)`;

function settings(fromConfig: boolean): ClientSettingsFile {
  if (fromConfig) return settingsFromDomain(loadConfig(configPath()).domainName);
  const text = readFileSync(0, 'utf8');
  let outputs: unknown;
  try {
    outputs = JSON.parse(text);
  } catch {
    throw new Error('stdin is not `terraform output -json` (not JSON); or pass --from-config');
  }
  return settingsFromOutputs(outputs);
}

const options = parseCli({ name: 'client:settings', usage: USAGE, config: { options: { 'from-config': { type: 'boolean' } } } });
try {
  const file = join(projectRoot(), 'browser-client', 'settings.json');
  const written = settings(options.values['from-config'] === true);
  writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
  console.log(`browser-client/settings.json: endpoint ${written.endpoint}`);
} catch (error) {
  const message = error instanceof ConfigError ? `invalid configuration ${error.message}` : (error as Error).message;
  console.error(`client:settings: ${message}`);
  process.exit(1);
}
