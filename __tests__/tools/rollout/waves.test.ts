import { UsageError } from '../../../tools/cli/args';
import { formatWaves, parseWaves, regionsToRoll } from '../../../tools/rollout/waves';
import { fakeRelease } from '../../helpers/rollout';

const REGIONS = ['eu-west-1', 'us-east-1', 'us-west-2'];

describe('parseWaves', () => {
  test('waves in order, regions of a wave by slashes, spaces ignored', () => {
    expect(parseWaves('us-west-2/eu-west-1, us-east-1', REGIONS)).toEqual([['us-west-2', 'eu-west-1'], ['us-east-1']]);
    expect(formatWaves([['us-west-2', 'eu-west-1'], ['us-east-1']])).toBe('us-west-2/eu-west-1,us-east-1');
  });

  test.each([
    ['us-west-2,us-east-1,eu-west-3', '--waves: "eu-west-3" is not a region of the release; its regions: eu-west-1, us-east-1, us-west-2'],
    ['us-west-2/us-east-1,us-west-2,eu-west-1', '--waves: us-west-2 is in more than one place; each region goes in exactly one wave'],
    ['us-west-2/us-east-1', '--waves: eu-west-1 is in no wave; every region of the release must be (eu-west-1, us-east-1, us-west-2)'],
    ['us-west-2', '--waves: eu-west-1, us-east-1 are in no wave'],
    ['us-west-2,,us-east-1/eu-west-1', '--waves "us-west-2,,us-east-1/eu-west-1": wave 2 has an empty region name'],
    ['us-west-2/,us-east-1/eu-west-1', 'wave 1 has an empty region name'],
  ])('%s: one line naming the region', (text, message) => {
    expect(() => parseWaves(text, REGIONS)).toThrow(UsageError);
    expect(() => parseWaves(text, REGIONS)).toThrow(message);
  });
});

describe('regionsToRoll', () => {
  const previous = fakeRelease('previous', { 'us-east-1': 'a', 'us-west-2': 'b', 'sa-east-1': 'c' });

  test("the new release's regions, plus those it retires that the previous release still serves", () => {
    const next = fakeRelease('next', { 'us-east-1': 'a2', 'us-west-2': 'b', 'eu-west-1': 'd' }, {}, ['sa-east-1', 'ap-south-1']);
    expect(regionsToRoll(next, previous)).toEqual(['eu-west-1', 'sa-east-1', 'us-east-1', 'us-west-2']);
  });

  test('a region the new release drops without retiring it: one line pointing at retiredRegions', () => {
    const next = fakeRelease('next', { 'us-east-1': 'a2', 'us-west-2': 'b' });
    expect(() => regionsToRoll(next, previous)).toThrow('--to drops sa-east-1 without retiring it: move it from "regions" to "retiredRegions"');
  });
});
