import {
  environmentBytes, healthFunctionEnvironment, helloWorldEnvironment, LAMBDA_ENVIRONMENT_LIMIT_BYTES,
} from '../../../src/aws/function-environment';
import { HEALTH_CHECK_OWN_TAG_KEYS, MAX_HEALTH_CHECK_TAGS } from '../../../src/aws/tag-limits';
import { testConfig } from '../../helpers/config';
import { resourcesOf, synthApiStack } from '../../helpers/synth';

// The config check computes the environments with the functions RegionalApi uses; these tests hold the
// computation to what the synthesized stack really puts in each function, so the two cannot drift apart.
describe('function environments as synthesized', () => {
  const origins = Array.from({ length: 30 }, (_, i) => `https://app-${i}.example.com`);
  const dependencies = Array.from({ length: 30 }, (_, i) => `https://dep-${i}.example.com/ping`);
  const { stack } = synthApiStack(testConfig({ cors: { allowOrigins: origins }, healthCheck: { dependencies } }));
  const functions = resourcesOf(stack, 'aws_lambda_function').map(([, body]) => body);

  test('each function\'s variables are exactly what the config check measures', () => {
    const config = testConfig({ cors: { allowOrigins: origins }, healthCheck: { dependencies } });
    const variables = functions.map((fn) => (fn.environment as { variables: Record<string, string> }).variables);
    expect(variables).toHaveLength(4);
    const expected = [helloWorldEnvironment(origins), healthFunctionEnvironment(origins, config.healthCheck)];
    for (const actual of variables) expect(expected).toContainEqual(actual);
    expect(variables.map(environmentBytes).every((size) => size <= LAMBDA_ENVIRONMENT_LIMIT_BYTES)).toBe(true);
  });

  test('the variables are exactly those the check counts', () => {
    const names = new Set(functions.flatMap((fn) => Object.keys((fn.environment as { variables: object }).variables)));
    expect([...names].sort()).toEqual(['ALLOWED_ORIGINS', 'DEPENDENCY_TIMEOUT_MS', 'DEPENDENCY_URLS', 'STATUS']);
  });
});

describe('tags the stack adds itself', () => {
  test('a health check carries the default tags plus exactly HEALTH_CHECK_OWN_TAG_KEYS, within Route 53\'s limit', () => {
    const tags = Object.fromEntries(Array.from({ length: MAX_HEALTH_CHECK_TAGS - 1 }, (_, i) => [`Tag${i}`, 'x']));
    const { stack } = synthApiStack(testConfig({ tags }));
    const defaults = Object.keys((stack.provider.aws[0].default_tags as Array<{ tags: object }>)[0].tags);
    for (const [, check] of resourcesOf(stack, 'aws_route53_health_check')) {
      const own = Object.keys(check.tags as object);
      expect(own).toEqual(HEALTH_CHECK_OWN_TAG_KEYS);
      expect(new Set([...defaults, ...own]).size).toBe(MAX_HEALTH_CHECK_TAGS);
    }
  });

  test('no other resource adds tags of its own', () => {
    const { stack } = synthApiStack();
    const tagged = Object.entries(stack.resource).flatMap(([type, byName]) =>
      Object.values(byName).filter((body) => body.tags !== undefined).map(() => type));
    expect([...new Set(tagged)]).toEqual(['aws_route53_health_check']);
  });
});
