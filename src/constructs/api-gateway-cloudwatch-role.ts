import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { serviceTrustPolicy } from '../aws/trust-policy';

/** One per account: no prefix, so a second environment deploying it fails on the name instead of taking it over. */
export const API_GATEWAY_LOGS_ROLE_NAME = 'api-gateway-cloudwatch-logs';
const PUSH_TO_LOGS_POLICY = 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';

export interface ApiGatewayCloudwatchRoleProps {
  /** Provider for the (global) IAM role. */
  readonly provider: AwsProvider;
  /** One provider per region whose account setting names the role. */
  readonly regionProviders: readonly AwsProvider[];
  /** @default API_GATEWAY_LOGS_ROLE_NAME */
  readonly roleName?: string;
}

/**
 * The API Gateway account setting of each region (the role API Gateway assumes to write logs, needed before any
 * stage may send access logs), shared by every API of the account there. The role refuses to be destroyed
 * (`prevent_destroy`): the setting outlives this stack (the provider keeps it on destroy) and would point at a
 * deleted role, breaking logging for every API in those regions.
 */
export class ApiGatewayCloudwatchRole extends Construct {
  readonly role: IamRole;
  readonly accounts: readonly ApiGatewayAccount[];

  constructor(scope: Construct, id: string, props: ApiGatewayCloudwatchRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, 'role', {
      provider: props.provider,
      name: props.roleName ?? API_GATEWAY_LOGS_ROLE_NAME,
      assumeRolePolicy: serviceTrustPolicy('apigateway.amazonaws.com'),
      lifecycle: { preventDestroy: true },
    });
    new IamRolePolicyAttachment(this, 'push-to-logs', {
      provider: props.provider, role: this.role.name, policyArn: PUSH_TO_LOGS_POLICY,
    });
    this.accounts = props.regionProviders.map((provider) => new ApiGatewayAccount(this, `account-${provider.region}`, {
      provider, cloudwatchRoleArn: this.role.arn,
    }));
  }
}
