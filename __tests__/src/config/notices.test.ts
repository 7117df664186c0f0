import { AWS_REGIONS, HEALTH_CHECKER_REGIONS, OPT_IN_REGIONS } from '../../../src/config/aws-regions';
import { configNotices } from '../../../src/config/notices';
import { FIVE_REGIONS, testConfig } from '../../helpers/config';

describe('configNotices', () => {
  test('nothing for regions every account has', () => {
    expect(configNotices(testConfig({ regions: FIVE_REGIONS }))).toEqual([]);
  });

  test('one line naming each opt-in region, its field, and the account settings it needs', () => {
    const notices = configNotices(testConfig({
      regions: ['us-east-1', 'af-south-1', 'ap-east-2'], state: { region: 'me-south-1' },
    }));
    expect(notices).toEqual([
      'Note: af-south-1 (regions), ap-east-2 (regions), me-south-1 (state.region) are opt-in regions: enable each in the AWS '
      + 'account before deploying (Account > AWS Regions, or aws account enable-region --region-name af-south-1); there, '
      + 'session tokens from the global STS endpoint work only when set to version 2 (IAM account settings), tokens from '
      + 'regional STS endpoints always do',
    ]);
  });

  test('a retired opt-in region is named too (its provider still destroys its resources)', () => {
    expect(configNotices(testConfig({ retiredRegions: ['eu-south-1'] }))).toEqual([expect.stringMatching(/^Note: eu-south-1 \(retiredRegions\) is an opt-in region: enable it /)]);
  });

  test('every opt-in region is an AWS region, and none runs Route 53 health checkers', () => {
    expect(OPT_IN_REGIONS.filter((region) => !AWS_REGIONS.includes(region))).toEqual([]);
    expect(OPT_IN_REGIONS.filter((region) => HEALTH_CHECKER_REGIONS.includes(region))).toEqual([]);
  });
});
