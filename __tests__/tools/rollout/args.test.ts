import { UsageError } from '../../../tools/cli/args';
import { readRolloutFlags } from '../../../tools/rollout/args';

describe('rollout flags', () => {
  test('defaults: a bake of 900 s, 100 requests, readings every 15 s, calls of 15 s', () => {
    expect(readRolloutFlags({ waves: 'us-west-2,us-east-1' })).toEqual({
      waves: 'us-west-2,us-east-1', bakeSeconds: 900, minRequests: 100, to: undefined, previous: undefined, local: undefined,
      dryRun: false, json: false, pollSeconds: 15, callTimeoutSeconds: 15, rollbackWaitSeconds: undefined, stateDir: undefined,
    });
  });

  test('every flag read, the local URL without its trailing slash', () => {
    expect(readRolloutFlags({
      waves: 'a', bake: '60', 'min-requests': '5', to: 'r/next', previous: 'r/prev', local: 'http://127.0.0.1:3000/', 'dry-run': true, json: true,
      poll: '2.5', 'call-timeout': '3', 'rollback-wait': '120', 'state-dir': 's',
    })).toEqual({
      waves: 'a', bakeSeconds: 60, minRequests: 5, to: 'r/next', previous: 'r/prev', local: 'http://127.0.0.1:3000', dryRun: true, json: true,
      pollSeconds: 2.5, callTimeoutSeconds: 3, rollbackWaitSeconds: 120, stateDir: 's',
    });
  });

  test.each([
    [{ bake: '900' }, '--waves is required, e.g. --waves us-west-2,us-east-1'],
    [{ waves: 'a', bake: 'soon' }, '--bake: "soon" is not a number from 0 to 86400'],
    [{ waves: 'a', 'min-requests': '2.5' }, '--min-requests: "2.5" is not an integer from 0 to 1000000'],
    [{ waves: 'a', poll: '0' }, '--poll: "0" is not a number from 0.01 to 3600'],
    [{ waves: 'a', 'call-timeout': '' }, '--call-timeout: "" is not a number from 0.1 to 600'],
    [{ waves: 'a', local: 'localhost:3000' }, '--local: "localhost:3000" is not the local run\'s base URL (http://127.0.0.1:3000)'],
    [{ waves: 'a', local: 'http://127.0.0.1:3000/control' }, '--local: "http://127.0.0.1:3000/control" is not the local run\'s base URL'],
  ])('%j: one line naming the flag and the value', (values, message) => {
    expect(() => readRolloutFlags(values)).toThrow(UsageError);
    expect(() => readRolloutFlags(values)).toThrow(message);
  });
});
