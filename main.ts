import { ConfigError, configNotices, configPath, loadConfig } from './src/config';
import { buildApp } from './src/app';

// Config is read and validated here, once; a bad file stops before any stack is built or written.
function main(): void {
  let config;
  try {
    config = loadConfig(configPath());
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  for (const notice of configNotices(config)) console.error(notice);
  buildApp(config).app.synth();
}

main();
