import { App } from 'cdktf';
import { MultiRegionConfig } from './config/types';
import { API_STACK_NAME, MultiRegionApiStack } from './stacks/multi-region-api-stack';

export interface BuiltApp {
  readonly app: App;
  readonly apiStack: MultiRegionApiStack;
}

/** Composes every stack from one validated config. */
export function buildApp(config: MultiRegionConfig, outdir?: string): BuiltApp {
  const app = new App(outdir ? { outdir } : undefined);
  const apiStack = new MultiRegionApiStack(app, API_STACK_NAME, { config });
  return { app, apiStack };
}
