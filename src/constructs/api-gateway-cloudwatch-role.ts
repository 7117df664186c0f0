import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Construct } from 'constructs';
import { serviceTrustPolicy } from './trust-policy';

export interface ApiGatewayCloudwatchRoleProps {
  readonly provider: AwsProvider;
  readonly region: string;
  /** The IAM role's name; IAM is global, so it must differ per region. */
  readonly roleName: string;
}

/**
 * The region's API Gateway account setting: the role API Gateway assumes to write logs, required before a stage may
 * send access logs. The setting is one per account and region, shared by every API there, so the role may write to
 * any log group of the region (not only ours) to keep other APIs' logging working; destroying this stack leaves the
 * setting in place (the provider's default), so those APIs keep logging.
 */
export class ApiGatewayCloudwatchRole extends Construct {
  readonly role: IamRole;
  readonly account: ApiGatewayAccount;

  constructor(scope: Construct, id: string, props: ApiGatewayCloudwatchRoleProps) {
    super(scope, id);
    const { provider, region } = props;

    this.role = new IamRole(this, 'role', {
      provider,
      name: props.roleName,
      assumeRolePolicy: serviceTrustPolicy('apigateway.amazonaws.com'),
    });
    const logGroups = `arn:${partitionOf(region)}:logs:${region}:*:log-group:*`;
    new IamRolePolicy(this, 'write-logs', {
      provider,
      role: this.role.id,
      name: 'api-gateway-write-logs',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: [
            'logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams',
            'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents',
          ],
          Resource: [logGroups, `${logGroups}:log-stream:*`],
        }],
      }),
    });
    this.account = new ApiGatewayAccount(this, 'account', { provider, cloudwatchRoleArn: this.role.arn });
  }
}

/** The ARN partition of a region: China and GovCloud regions have their own. */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
