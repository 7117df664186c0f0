import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaFunction } from '@cdktf/provider-aws/lib/lambda-function';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { Fn, TerraformAsset } from 'cdktf';
import { Construct } from 'constructs';
import { LambdaConfig } from '../config/types';
import { serviceTrustPolicy } from '../aws/trust-policy';

export interface BundledFunctionProps {
  /** The function's name, the same in every region. */
  readonly functionName: string;
  /** The IAM role's name; IAM is global, so it must differ per region. */
  readonly roleName: string;
  /** The zipped handler bundle (its file exports `handler`). */
  readonly code: TerraformAsset;
  /** The aliased provider of the region this function lives in. */
  readonly provider: AwsProvider;
  /** Memory, timeout and log retention. */
  readonly lambda: LambdaConfig;
  /** @default {} */
  readonly environment?: Readonly<Record<string, string>>;
  /** Send X-Ray traces (tracing mode Active) and allow the role to write them. @default true */
  readonly tracing?: boolean;
}

/** A Lambda function with its own log group (with retention) and a role that may write only to that log group. */
export class BundledFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: IamRole;
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: BundledFunctionProps) {
    super(scope, id);
    const { provider } = props;

    this.logGroup = new CloudwatchLogGroup(this, 'log-group', {
      provider,
      name: `/aws/lambda/${props.functionName}`,
      retentionInDays: props.lambda.logRetentionDays,
    });

    this.role = new IamRole(this, 'role', {
      provider,
      name: props.roleName,
      assumeRolePolicy: serviceTrustPolicy('lambda.amazonaws.com'),
    });

    new IamRolePolicy(this, 'write-own-logs', {
      provider,
      role: this.role.id,
      name: 'write-own-logs',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `${this.logGroup.arn}:*`,
        }],
      }),
    });

    const tracing = props.tracing ?? true;
    // Lambda checks the role's X-Ray permissions when it creates a traced function, so the policy must exist first.
    const tracePolicy = !tracing ? undefined : new IamRolePolicy(this, 'write-traces', {
      provider,
      role: this.role.id,
      name: 'write-traces',
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{
          // X-Ray defines no resource type for these actions: "*" is the only Resource IAM accepts for them.
          Sid: 'XRayWritesHaveNoResourceLevelPermissions',
          Effect: 'Allow',
          Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'],
          Resource: '*',
        }],
      }),
    });

    this.function = new LambdaFunction(this, 'function', {
      provider,
      functionName: props.functionName,
      role: this.role.arn,
      runtime: 'nodejs22.x',
      architectures: ['arm64'],
      handler: 'index.handler',
      filename: props.code.path,
      sourceCodeHash: Fn.filebase64sha256(props.code.path),
      memorySize: props.lambda.memoryMb,
      timeout: props.lambda.timeoutSeconds,
      environment: { variables: { ...props.environment } },
      loggingConfig: { logFormat: 'Text', logGroup: this.logGroup.name },
      tracingConfig: { mode: tracing ? 'Active' : 'PassThrough' },
      dependsOn: tracePolicy ? [this.logGroup, tracePolicy] : [this.logGroup],
    });
  }
}
