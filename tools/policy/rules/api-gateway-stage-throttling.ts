import { block, refersTo } from '../../stack-model/references';
import { PolicyRule, Violation } from '../types';
import { StackResource } from '../../stack-model/stack-model';

/**
 * Without stage throttling a stage inherits the account's regional limit (10,000 rps), so one noisy client can starve
 * every other API in the account and region. The limits live in an aws_api_gateway_method_settings for all methods.
 */
export const apiGatewayStageThrottling: PolicyRule = {
  id: 'MRA-APIGW-STAGE-THROTTLING',
  description: 'Every API Gateway stage has method settings for all methods ("*/*") with positive throttling limits',
  fix: 'Add aws_api_gateway_method_settings { rest_api_id, stage_name = <stage>.stage_name, method_path = "*/*", '
    + 'settings { throttling_rate_limit, throttling_burst_limit } } (config api.throttlingRateLimit/BurstLimit)',
  check(stack) {
    const settings = stack.resources('aws_api_gateway_method_settings');
    const violations: Violation[] = [];
    for (const stage of stack.resources('aws_api_gateway_stage')) {
      const all = settings.filter((s) => s.body.method_path === '*/*' && isFor(s, stage));
      if (all.length === 0) {
        violations.push({ address: stage.address, message: 'no aws_api_gateway_method_settings with method_path "*/*" for this stage' });
        continue;
      }
      const limits = block(all[0].body.settings) ?? {};
      for (const limit of ['throttling_rate_limit', 'throttling_burst_limit']) {
        if (!(Number(limits[limit]) > 0)) {
          violations.push({ address: all[0].address, message: `settings.${limit} is ${JSON.stringify(limits[limit] ?? 'unset')}, not a positive limit` });
        }
      }
    }
    return violations;
  },
};

/** Method settings belong to a stage when they refer to it, or name the same REST API and stage name. */
function isFor(settings: StackResource, stage: StackResource): boolean {
  if (refersTo(settings.body.stage_name, stage.address)) return true;
  return settings.body.stage_name === stage.body.stage_name && settings.body.rest_api_id === stage.body.rest_api_id;
}
