import { RiskRule } from '../rule';

/** `aws_api_gateway_account` is one setting per account and region, shared by every API there, not just this stack's. */
export const apiGatewayAccount: RiskRule = {
  id: 'api-gateway-account-setting',
  check: (changes) => changes.filter((c) => c.type === 'aws_api_gateway_account').map((c) => ({
    rule: apiGatewayAccount.id,
    severity: 'warning' as const,
    scope: c.scope,
    address: c.address,
    message: c.kind === 'forget'
      ? `account-wide API Gateway setting in ${c.scope} no longer managed by this stack (left as it is): whoever owns it now, see apiGatewayAccountSetting`
      : `account-wide API Gateway setting ${c.kind === 'create' ? 'taken over' : c.kind === 'destroy' ? 'removed' : 'changed'} in ${c.scope}: every API of the account there is affected`,
  })),
};
