import { OPT_IN_REGIONS } from './aws-regions';
import { MultiRegionConfig } from './types';

/**
 * What a valid config still needs outside this project, one line each, for main.ts to print on stderr at synth (never
 * an error). Opt-in regions: until the account enables them every call there fails, half-way through an apply.
 */
export function configNotices(config: MultiRegionConfig): string[] {
  const used: Array<[string, readonly string[]]> = [
    ['regions', config.regions],
    ['retiredRegions', config.retiredRegions],
    ['state.region', config.state.backend === 's3' ? [config.state.region] : []],
  ];
  const optIn = used.flatMap(([field, regions]) => regions
    .filter((region) => OPT_IN_REGIONS.includes(region))
    .map((region) => ({ region, field })));
  if (optIn.length === 0) return [];
  const one = optIn.length === 1;
  return [`Note: ${optIn.map(({ region, field }) => `${region} (${field})`).join(', ')} ${one ? 'is an opt-in region' : 'are opt-in regions'}: `
    + `enable ${one ? 'it' : 'each'} in the AWS account before deploying (Account > AWS Regions, or `
    + `aws account enable-region --region-name ${optIn[0].region}); there, session tokens from the global STS endpoint `
    + 'work only when set to version 2 (IAM account settings), tokens from regional STS endpoints always do'];
}
