import { API_STACK_NAME, DEFAULT_DEPENDENCY_BUDGET_MS } from '../contract';
import { AWS_REGIONS, HEALTH_CHECKER_REGIONS, LOG_RETENTION_DAYS, MIN_CHECKER_REGIONS } from './aws-regions';
import { readEmail, readOrigin, readRegion, readTags, readUrl } from './readers';
import { custom, decimal, flag, integer, list, oneOf, optionalText, section, text, variants } from './schema-kit';
import { readOneOf, readString } from './fields';
import { DEFAULT_REGIONAL_HOSTNAME } from './regional-hostname';
import { ROUTE53_ANSWER_WINDOW_MS } from '../aws/route53';

const DOMAIN_NAME = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const TFC_NAME = /^[A-Za-z0-9_-]{1,90}$/;

/**
 * Every setting of a config file, declared once: its type, default, allowed values and meaning. Validation
 * (validate.ts), the TypeScript types (types.ts), the README's table and config/schema.json (tools/config-table) read
 * this. Rules that relate two settings live in rules.ts.
 */
export const SCHEMA = {
  domainName: text({ pattern: DOMAIN_NAME, describe: 'a lower-case DNS name like api.example.com' }, {
    required: true, meaning: 'The API\'s public name, the same in every region',
  }),
  hostedZoneId: text({ pattern: /^Z[A-Z0-9]{1,31}$/, describe: 'a Route 53 hosted zone id like Z0123456789ABCDEFGHIJ' }, {
    required: true, meaning: 'Route 53 public hosted zone that holds `domainName`',
  }),
  regions: list(readRegion, 'an AWS region code', {
    required: true, minItems: 1, meaning: 'AWS regions to deploy the API to, one regional copy each',
  }),
  retiredRegions: list(readRegion, 'an AWS region code', {
    default: [], meaning: 'Regions just removed from `regions`, kept for one apply: their provider stays so the plan '
      + 'destroys their resources (then drop them from this list)',
  }),
  namePrefix: text({
    pattern: /^[a-z][a-z0-9-]{0,19}$/, describe: 'lower-case letters, digits and dashes, starting with a letter, at most 20 long',
  }, { default: 'multi-region-api', meaning: 'Prefix of function, role, API and alarm names' }),
  tags: custom<Readonly<Record<string, string>>>('object', 'tag name (not `aws:…`) to a string of ≤ 256 characters', readTags, {
    default: {}, meaning: 'Tags put on every resource through each provider\'s `default_tags`',
  }),
  cors: section({
    allowOrigins: list(readOrigin, '`https://host[:port]` (or `"*"` alone)', {
      default: ['*'], minItems: 1, meaning: 'Origins a browser may call the API from',
    }),
  }),
  lambda: section({
    memoryMb: integer(128, 10240, { default: 128, meaning: 'Memory of both functions, in MB' }),
    // API Gateway stops waiting for an integration after 29 s, so a longer Lambda timeout buys nothing.
    timeoutSeconds: integer(1, 29, { default: 5, meaning: 'Timeout of both functions (API Gateway waits at most 29 s)' }),
    logRetentionDays: oneOf(LOG_RETENTION_DAYS, { default: 14, meaning: 'Retention of every log group, in days' }),
  }),
  healthCheck: section({
    target: oneOf(['hostname', 'execute-api'] as const, {
      default: 'hostname',
      meaning: 'What Route 53 probes: each region\'s own hostname through its custom domain (what users take), or the '
        + 'execute-api host (the blog\'s form, which misses the certificate, custom domain and base path mapping)',
    }),
    regionalHostname: text({ describe: 'a pattern like "{region}.{domainName}"', maxLength: 253 }, {
      default: DEFAULT_REGIONAL_HOSTNAME,
      meaning: 'Name each region also serves (target `hostname`): must contain `{region}` and give a DNS name under `domainName`',
    }),
    requestInterval: oneOf([10, 30] as const, { default: 10, meaning: 'Seconds between Route 53 health checks' }),
    failureThreshold: integer(1, 10, { default: 2, meaning: 'Consecutive failures before a region is unhealthy' }),
    checkerRegions: list((value, field, problems) => readOneOf(value, field, problems, HEALTH_CHECKER_REGIONS),
      'a Route 53 checker region', {
        default: [], allowed: `none, or at least ${MIN_CHECKER_REGIONS} of ${HEALTH_CHECKER_REGIONS.join(', ')}`,
        meaning: 'Route 53 checker regions; `[]` for Route 53\'s default set',
      }),
    dependencies: list(readUrl,
      'an http(s) URL with no credentials, not to `domainName` (or a name under it) nor a loopback, link-local or private address', {
      default: [], meaning: 'URLs the health function probes in parallel; any failure makes the region unhealthy',
    }),
    // The probes' budget leaves room in Route 53's answer window for the reply.
    dependencyTimeoutMs: integer(100, ROUTE53_ANSWER_WINDOW_MS - 100, {
      default: DEFAULT_DEPENDENCY_BUDGET_MS, meaning: 'Shared budget of those probes, in ms: Route 53 waits 2 s; below `lambda.timeoutSeconds`',
    }),
    errorRate: section({
      enabled: flag({
        default: true,
        meaning: 'Take a region out of DNS when its users get errors on the served route, not only when its health '
          + 'route fails (`false` builds the stack without it)',
      }),
      threshold: decimal({ min: 0, max: 1, exclusiveMin: true, exclusiveMax: true }, {
        default: 0.05, meaning: 'Share of 5xx answers on `GET /helloworld` above which a period counts as failing',
      }),
      // CloudWatch alarms that Route 53 reads must be standard resolution: one-minute periods or longer.
      periodSeconds: oneOf([60, 120, 180, 300, 600, 900] as const, {
        default: 60, meaning: 'Seconds of one period of the error-rate alarm',
      }),
      evaluationPeriods: integer(1, 10, {
        default: 2, meaning: 'Failing periods in a row that take the region out (and the request floor must hold in each)',
      }),
      minRequests: integer(1, 100000, {
        default: 20, meaning: 'Requests a period needs before its error rate counts (Route 53\'s own probes of the route count too)',
      }),
    }),
  }),
  dns: section({
    recordType: oneOf(['ALIAS', 'CNAME'] as const, {
      default: 'ALIAS', meaning: 'Latency records: ALIAS A + AAAA to each regional domain, or CNAME (the blog\'s form)',
    }),
    ttl: integer(0, 172800, { default: 60, meaning: 'TTL of CNAME records, in seconds (ALIAS records always answer with 60 s)' }),
  }),
  api: section({
    throttlingRateLimit: integer(1, 10000, { default: 100, meaning: 'Stage throttling: steady requests per second' }),
    throttlingBurstLimit: integer(1, 5000, { default: 50, meaning: 'Stage throttling: burst' }),
  }),
  apiGatewayAccountSetting: oneOf(['external', 'account-stack'] as const, {
    default: 'external',
    meaning: 'API Gateway\'s CloudWatch-logs role, one setting per account and region shared by every API there: '
      + '`external` (set once per account, never touched by this stack), `account-stack` (also synthesize the '
      + 'once-per-account `api-gateway-account` stack; in one environment per account)',
  }),
  alarms: section({
    emails: list(readEmail, 'an email address', { default: [], meaning: 'Email addresses subscribed to the health-check alarm topic' }),
  }),
  state: variants('backend', oneOf(['s3', 'cloud', 'local'] as const, {
    default: 's3', meaning: `Where the \`${API_STACK_NAME}\` stack keeps its state`,
  }), {
    s3: {
      bucket: text({
        pattern: /^(?!xn--)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        describe: 'a valid S3 bucket name (3-63 lower-case letters, digits, dots, dashes)',
      }, {
        default: ({ namePrefix }) => `${namePrefix}-terraform-state`, defaultText: '`<namePrefix>-terraform-state`',
        meaning: 'The state bucket, created by `state-bootstrap` (set your own: bucket names are global)',
      }),
      key: text({ pattern: /^[^/].*$/, describe: 'an object key that does not start with "/"', maxLength: 1024 }, {
        default: `${API_STACK_NAME}/terraform.tfstate`, meaning: 'The state object\'s key',
        allowed: 'an object key that does not start or end with "/" nor hold "//"',
      }),
      region: custom('string', 'an AWS region code', (value, field, problems) => {
        const code = readString(value, field, problems);
        return code === undefined ? undefined : readOneOf(code, field, problems, AWS_REGIONS);
      }, {
        // Never derived from `regions`: reordering or retiring a region must not move the state.
        default: 'us-east-1',
        meaning: 'The state bucket\'s region',
      }),
      dynamodbTable: optionalText({ pattern: /^[A-Za-z0-9_.-]{3,255}$/, describe: 'a DynamoDB table name' }, {
        meaning: 'A DynamoDB lock table, created by `state-bootstrap` (S3-native locking is always on)',
      }),
    },
    cloud: {
      organization: text({ pattern: TFC_NAME, describe: 'a Terraform Cloud organization name' }, {
        required: true, meaning: 'Terraform Cloud organization',
      }),
      workspace: text({ pattern: TFC_NAME, describe: 'a Terraform Cloud workspace name' }, {
        required: true, meaning: 'Terraform Cloud workspace',
      }),
      hostname: text({ pattern: /^[a-z0-9.-]+(:\d{1,5})?$/, describe: 'a host name like app.terraform.io' }, {
        default: 'app.terraform.io', meaning: 'Terraform Cloud / Enterprise host',
      }),
    },
    local: {
      path: text({}, { default: `terraform.${API_STACK_NAME}.tfstate`, meaning: 'The state file\'s path' }),
    },
  }),
};
