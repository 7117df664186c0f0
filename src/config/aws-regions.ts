/** Commercial AWS regions where API Gateway, Lambda and ACM are offered (Route 53 latency routing covers them all). */
export const AWS_REGIONS: readonly string[] = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'af-south-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-7',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ca-central-1', 'ca-west-1',
  'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2', 'eu-west-3',
  'eu-south-1', 'eu-south-2', 'eu-north-1',
  'il-central-1', 'me-south-1', 'me-central-1',
  'mx-central-1', 'sa-east-1',
];

/**
 * The regions of AWS_REGIONS an account must enable before use: every region launched after 20 March 2019 is an
 * opt-in region, disabled in a new account (AWS Account Management guide, "Enable or disable AWS Regions").
 */
export const OPT_IN_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5',
  'ap-southeast-7', 'ca-west-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1',
  'me-south-1', 'mx-central-1',
];

/** The regions Route 53 health checkers run from (the HealthCheckRegion enum). */
export const HEALTH_CHECKER_REGIONS: readonly string[] = [
  'us-east-1', 'us-west-1', 'us-west-2', 'eu-west-1',
  'ap-southeast-1', 'ap-southeast-2', 'ap-northeast-1', 'sa-east-1',
];
/** A health check names at least this many checker regions, or none (Route 53's default set). */
export const MIN_CHECKER_REGIONS = 3;

/** Values CloudWatch Logs accepts for a log group's retention, in days. */
export const LOG_RETENTION_DAYS: readonly number[] = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];
