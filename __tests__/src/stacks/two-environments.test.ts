import { synthApiStack, resourcesOf, SynthesizedStack } from '../../helpers/synth';
import { testConfig } from '../../helpers/config';

// Names AWS requires to be unique in an account (and region): two environments side by side must share none.
const UNIQUE_NAMES: ReadonlyArray<[string, string]> = [
  ['aws_iam_role', 'name'],
  ['aws_lambda_function', 'function_name'],
  ['aws_cloudwatch_log_group', 'name'],
  ['aws_sns_topic', 'name'],
  ['aws_cloudwatch_metric_alarm', 'alarm_name'],
  ['aws_api_gateway_rest_api', 'name'],
  ['aws_api_gateway_domain_name', 'domain_name'],
];

function names(stack: SynthesizedStack): Set<string> {
  const found = new Set<string>();
  for (const [type, attribute] of UNIQUE_NAMES) {
    for (const [, resource] of resourcesOf(stack, type)) found.add(`${type} ${String(resource.provider)} ${String(resource[attribute])}`);
  }
  for (const [, check] of resourcesOf(stack, 'aws_route53_health_check')) {
    found.add(`health check ${(check.tags as Record<string, string>).Name}`);
  }
  return found;
}

test('two environments in one account and region (different namePrefix and domainName) share no unique name', () => {
  const regions = ['us-east-1', 'eu-west-1'];
  const staging = names(synthApiStack(testConfig({ regions, namePrefix: 'shop-staging', domainName: 'api.staging.example.com' })).stack);
  const production = names(synthApiStack(testConfig({ regions, namePrefix: 'shop', domainName: 'api.example.com' })).stack);
  expect(staging.size).toBeGreaterThan(20);
  expect([...staging].filter((name) => production.has(name))).toEqual([]);
  // And neither touches the account-wide API Gateway setting both would otherwise fight over.
  expect([...staging, ...production].filter((name) => name.includes('apigw-logs'))).toEqual([]);
});
