import { StateFile } from '../../../../tools/plan-change/prior-state/state-file';

const PLACEHOLDER_ACCOUNT = '123456789012';

/**
 * What the previous version of the stack kept in state for each region: the account-wide API Gateway setting, the
 * role it names and the role's policy. The addresses are the ones that version synthesized (copied from its output).
 */
export const FORMER_ADDRESSES: Record<string, { account: string; role: string; policy: string }> = {
  'us-east-1': {
    account: 'aws_api_gateway_account.region-us-east-1_api-gateway-logging_account_C8E0EFBF',
    role: 'aws_iam_role.region-us-east-1_api-gateway-logging_role_E22DC6B2',
    policy: 'aws_iam_role_policy.region-us-east-1_api-gateway-logging_write-logs_00D18FD1',
  },
  'us-west-2': {
    account: 'aws_api_gateway_account.region-us-west-2_api-gateway-logging_account_979FF0F0',
    role: 'aws_iam_role.region-us-west-2_api-gateway-logging_role_8BFD0F68',
    policy: 'aws_iam_role_policy.region-us-west-2_api-gateway-logging_write-logs_A53B2DD6',
  },
  'eu-west-1': {
    account: 'aws_api_gateway_account.region-eu-west-1_api-gateway-logging_account_C369C784',
    role: 'aws_iam_role.region-eu-west-1_api-gateway-logging_role_07267038',
    policy: 'aws_iam_role_policy.region-eu-west-1_api-gateway-logging_write-logs_595AB6D0',
  },
};

/** Where the previous version kept each alarm subscription: by position in `alarms.emails` (base config order). */
export const FORMER_SUBSCRIPTIONS: Record<string, string> = {
  'oncall@example.com': 'health-check-alarms_email-0_D4E5AB90',
  'platform@example.com': 'health-check-alarms_email-1_AB04691B',
};

/**
 * The prior state as the previous version would have left it: subscriptions at their positional addresses, the
 * deployments' triggers of the old shape (ids and a definition hash), and the account setting, its role and policy
 * in every region.
 */
export function asPreviousVersion(state: StateFile): StateFile {
  for (const resource of state.resources) {
    if (resource.type === 'aws_sns_topic_subscription' && resource.name.startsWith('health-check-alarms_')) {
      resource.name = FORMER_SUBSCRIPTIONS[String(resource.instances[0].attributes.endpoint)];
    }
    if (resource.type === 'aws_api_gateway_deployment') {
      resource.instances[0].attributes.triggers = { definition: '863b646588518f18', resources: 'fdc4b6e956b0fe91f0303a4727809f82176dbb3c' };
    }
  }
  withFormerAccountSetting(state);
  state.serial += 1;
  return state;
}

function withFormerAccountSetting(state: StateFile): void {
  for (const [region, addresses] of Object.entries(FORMER_ADDRESSES)) {
    const provider = `provider["registry.terraform.io/hashicorp/aws"].${region}`;
    const roleName = `multi-region-api-apigw-logs-${region}`;
    const roleArn = `arn:aws:iam::${PLACEHOLDER_ACCOUNT}:role/${roleName}`;
    const add = (address: string, attributes: Record<string, unknown>) => {
      const [type, name] = address.split('.');
      state.resources.push({ mode: 'managed', type, name, provider, instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }] });
    };
    add(addresses.role, {
      id: roleName, name: roleName, arn: roleArn, path: '/', max_session_duration: 3600, force_detach_policies: false,
      assume_role_policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"apigateway.amazonaws.com"},"Action":"sts:AssumeRole"}]}',
      tags: {}, tags_all: {}, unique_id: `AROA${region.replace(/-/g, '').toUpperCase()}`,
    });
    add(addresses.policy, { id: `${roleName}:api-gateway-write-logs`, name: 'api-gateway-write-logs', role: roleName, policy: '{}' });
    add(addresses.account, { id: 'api-gateway-account', cloudwatch_role_arn: roleArn, reset_on_delete: null });
  }
}
