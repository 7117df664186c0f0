import { App } from 'cdktf';
import { quietCdktfOnNode22 } from './cdktf-on-node22';
import { MultiRegionConfig } from './config/types';
import { API_GATEWAY_ACCOUNT_STACK_NAME, API_STACK_NAME, BOOTSTRAP_STACK_NAME } from './contract';
import { ApiGatewayAccountStack } from './stacks/api-gateway-account-stack';
import { MultiRegionApiStack } from './stacks/multi-region-api-stack';
import { StateBootstrapStack } from './stacks/state-bootstrap-stack';

export interface BuiltApp {
  readonly app: App;
  readonly apiStack: MultiRegionApiStack;
  /** Present only for the S3 backend: Terraform Cloud and local state need no bucket. */
  readonly bootstrapStack?: StateBootstrapStack;
  /** Present only when `apiGatewayAccountSetting` is `account-stack`. */
  readonly accountStack?: ApiGatewayAccountStack;
}

/** Composes every stack from one validated config. */
export function buildApp(config: MultiRegionConfig, outdir?: string): BuiltApp {
  quietCdktfOnNode22();
  const app = new App(outdir ? { outdir } : undefined);
  const apiStack = new MultiRegionApiStack(app, API_STACK_NAME, { config });
  const bootstrapStack = config.state.backend === 's3'
    ? new StateBootstrapStack(app, BOOTSTRAP_STACK_NAME, { state: config.state, tags: config.tags })
    : undefined;
  const accountStack = config.apiGatewayAccountSetting === 'account-stack'
    ? new ApiGatewayAccountStack(app, API_GATEWAY_ACCOUNT_STACK_NAME, { regions: config.regions, tags: config.tags })
    : undefined;
  return { app, apiStack, bootstrapStack, accountStack };
}
