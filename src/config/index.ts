export * from './types';
export { ConfigError, validateConfig } from './validate';
export { configPath, loadConfig, CONFIG_ENV_VAR, EXAMPLE_CONFIG_PATH } from './load';
export { SCHEMA } from './schema';
export { configNotices } from './notices';
