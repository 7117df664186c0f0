import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { ApiGatewayCloudwatchRole } from '../constructs/api-gateway-cloudwatch-role';
import { API_GATEWAY_ACCOUNT_STACK_NAME } from '../contract';
import { localStatePath } from './backend';

export const API_GATEWAY_ACCOUNT_STATE_FILE = `terraform.${API_GATEWAY_ACCOUNT_STACK_NAME}.tfstate`;

export interface ApiGatewayAccountStackProps {
  /** Regions whose API Gateway account setting this stack owns. */
  readonly regions: readonly string[];
  /** @default {} */
  readonly tags?: Readonly<Record<string, string>>;
}

/**
 * Once per AWS account, apart from any environment: the API Gateway CloudWatch-logs role and each region's account
 * setting naming it. The API stacks never touch the setting, so no environment takes it over and destroying one
 * leaves it working. Its state stays local (in the project root), as the state bootstrap's does.
 */
export class ApiGatewayAccountStack extends TerraformStack {
  readonly logging: ApiGatewayCloudwatchRole;

  constructor(scope: Construct, id: string, props: ApiGatewayAccountStackProps) {
    super(scope, id);
    new LocalBackend(this, { path: localStatePath(API_GATEWAY_ACCOUNT_STATE_FILE) });
    const defaultTags = [{ tags: { ...props.tags } }];
    const global = new AwsProvider(this, 'aws', { region: 'us-east-1', defaultTags });
    const regionProviders = props.regions.map((region) => new AwsProvider(this, `aws-${region}`, { region, alias: region, defaultTags }));
    this.logging = new ApiGatewayCloudwatchRole(this, 'api-gateway-logging', { provider: global, regionProviders });
    new TerraformOutput(this, 'cloudwatch_role_arn', { value: this.logging.role.arn });
  }
}
