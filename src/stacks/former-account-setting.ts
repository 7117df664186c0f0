import { TerraformStack } from 'cdktf';
import { formerAddress } from '../former-address';

/** What each region's API used to manage of the account-wide API Gateway setting, under `region-<r>/api-gateway-logging`. */
const FORMER_RESOURCES = [['aws_api_gateway_account', 'account'], ['aws_iam_role_policy', 'write-logs'], ['aws_iam_role', 'role']];

/**
 * Stacks deployed before the account setting moved out kept it (and the role it names) in their state. Terraform
 * forgets them without destroying anything (`removed`, `destroy = false`, Terraform >= 1.7): the setting keeps
 * naming a live role, now owned by no environment. Blocks for addresses not in state are ignored.
 * Migration shim: delete once every live stack has applied a version with it (no `api-gateway-logging` left in state).
 */
export function forgetFormerAccountSetting(stack: TerraformStack, regions: readonly string[]): void {
  stack.addOverride('removed', regions.flatMap((region) => FORMER_RESOURCES.map(([type, id]) => ({
    from: formerAddress(stack, type, `region-${region}`, 'api-gateway-logging', id),
    lifecycle: { destroy: false },
  }))));
}
