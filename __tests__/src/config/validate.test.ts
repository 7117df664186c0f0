import { validateConfig } from '../../../src/config/validate';
import { MINIMAL, problemsOf } from '../../helpers/config';
import { expectJsonSchemaRefuses } from '../../helpers/json-schema';

const withField = (field: string, value: unknown) => ({ ...MINIMAL, [field]: value });
const withSection = (section: string, value: unknown) => ({ ...MINIMAL, [section]: value });

describe('validateConfig accepts', () => {
  test('the state region never follows the order of regions', () => {
    const first = validateConfig({ ...MINIMAL, regions: ['eu-west-1', 'us-east-1'] });
    const second = validateConfig({ ...MINIMAL, regions: ['us-east-1', 'eu-west-1'] });
    expect(first.state).toEqual(second.state);
  });

  test('a file with only domainName, hostedZoneId and regions, filling every default', () => {
    const config = validateConfig(MINIMAL);
    expect(config.regions).toEqual(['us-east-1', 'us-west-2']);
    expect(config.namePrefix).toBe('multi-region-api');
    expect(config.cors.allowOrigins).toEqual(['*']);
    expect(config.lambda).toEqual({ memoryMb: 128, timeoutSeconds: 5, logRetentionDays: 14 });
    expect(config.healthCheck).toEqual({
      target: 'hostname', regionalHostname: '{region}.{domainName}',
      requestInterval: 10, failureThreshold: 2, checkerRegions: [], dependencies: [], dependencyTimeoutMs: 1500,
    });
    expect(config.dns).toEqual({ recordType: 'ALIAS', ttl: 60 });
    expect(config.state).toEqual({
      backend: 's3', bucket: 'multi-region-api-terraform-state', key: 'multi-region-api/terraform.tfstate',
      region: 'us-east-1',
    });
  });

  test('every optional section set explicitly', () => {
    const config = validateConfig({
      ...MINIMAL,
      namePrefix: 'shop-api',
      tags: { Team: 'platform' },
      cors: { allowOrigins: ['https://app.example.com', 'http://localhost:8080'] },
      lambda: { memoryMb: 256, timeoutSeconds: 10, logRetentionDays: 30 },
      healthCheck: {
        requestInterval: 30, failureThreshold: 3, checkerRegions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'],
        dependencies: ['https://db.internal.example.com/ping'], dependencyTimeoutMs: 1000,
      },
      dns: { recordType: 'CNAME', ttl: 30 },
      api: { throttlingRateLimit: 500, throttlingBurstLimit: 100 },
      alarms: { emails: ['oncall@example.com'] },
      state: { backend: 'cloud', organization: 'acme', workspace: 'multi-region-api' },
    });
    expect(config.dns).toEqual({ recordType: 'CNAME', ttl: 30 });
    expect(config.state).toEqual({ backend: 'cloud', organization: 'acme', workspace: 'multi-region-api', hostname: 'app.terraform.io' });
  });
});

// One case per kind of bad input: each names the field and shows the value.
const badCases: Array<[string, unknown, string]> = [
  ['not an object', ['us-east-1'], '(top level): ["us-east-1"] must be an object, not an array'],
  ['missing regions', { domainName: MINIMAL.domainName, hostedZoneId: MINIMAL.hostedZoneId }, 'regions: is required'],
  ['empty regions', withField('regions', []), 'regions: [] must list at least 1 item'],
  ['regions not an array', withField('regions', 'us-east-1'), 'regions: "us-east-1" must be an array, not a string'],
  ['unknown region', withField('regions', ['us-east-1', 'us-east-9']), 'regions[1]: "us-east-9" is not an AWS region'],
  ['malformed region', withField('regions', ['US_EAST_1']), 'regions[0]: "US_EAST_1" is not an AWS region code like us-east-1'],
  ['duplicate region', withField('regions', ['us-east-1', 'us-east-1']), 'regions[1]: "us-east-1" is listed twice'],
  ['region of the wrong type', withField('regions', ['us-east-1', 7]), 'regions[1]: 7 must be a string, not a number'],
  ['retired region still in regions', withField('retiredRegions', ['us-west-2']), 'retiredRegions: ["us-west-2"] must not also be in regions'],
  ['retired region that is not an AWS region', withField('retiredRegions', ['eu-west-9']), 'retiredRegions[0]: "eu-west-9" is not an AWS region'],
  ['missing domain name', { regions: MINIMAL.regions, hostedZoneId: MINIMAL.hostedZoneId }, 'domainName: is required'],
  ['empty domain name', withField('domainName', ''), 'domainName: "" must not be empty'],
  ['malformed domain name', withField('domainName', 'api..example.com'), 'domainName: "api..example.com" is not a lower-case DNS name like api.example.com'],
  ['domain name with a scheme', withField('domainName', 'https://api.example.com'), 'domainName: "https://api.example.com" is not a lower-case DNS name'],
  ['domain name of the wrong type', withField('domainName', 42), 'domainName: 42 must be a string, not a number'],
  ['malformed hosted zone id', withField('hostedZoneId', '/hostedzone/Z123'), 'hostedZoneId: "/hostedzone/Z123" is not a Route 53 hosted zone id'],
  ['missing hosted zone id', { regions: MINIMAL.regions, domainName: MINIMAL.domainName }, 'hostedZoneId: is required'],
  ['unknown key (typo)', { ...MINIMAL, domainNme: 'x' }, 'domainNme: unknown setting (did you mean "domainName"?)'],
  ['unknown nested key', withSection('lambda', { memorySize: 256 }), 'lambda.memorySize: unknown setting (did you mean "memoryMb"?)'],
  ['section of the wrong type', withSection('lambda', 'big'), 'lambda: "big" must be an object, not a string'],
  ['bad name prefix', withField('namePrefix', 'My_API'), 'namePrefix: "My_API" is not lower-case letters'],
  ['tags not an object', withField('tags', ['a']), 'tags: ["a"] must be an object of tag names to string values'],
  ['tag value not a string', withField('tags', { Team: 5 }), 'tags.Team: 5 must be a string of at most 256 characters'],
  ['reserved tag name', withField('tags', { 'aws:x': 'y' }), 'tags.aws:x: "aws:x" is not a usable tag name'],
  ['bad CORS origin', withSection('cors', { allowOrigins: ['app.example.com'] }), 'cors.allowOrigins[0]: "app.example.com" is not "*" or an origin'],
  ['"*" with other origins', withSection('cors', { allowOrigins: ['*', 'https://a.example.com'] }), 'cors.allowOrigins: ["*","https://a.example.com"] may hold "*" only on its own'],
  ['memory too low', withSection('lambda', { memoryMb: 64 }), 'lambda.memoryMb: 64 is out of range (128 to 10240)'],
  ['memory too high', withSection('lambda', { memoryMb: 20000 }), 'lambda.memoryMb: 20000 is out of range (128 to 10240)'],
  ['memory not whole', withSection('lambda', { memoryMb: 128.5 }), 'lambda.memoryMb: 128.5 must be a whole number'],
  ['timeout of the wrong type', withSection('lambda', { timeoutSeconds: '5' }), 'lambda.timeoutSeconds: "5" must be a whole number, not a string'],
  ['timeout too long', withSection('lambda', { timeoutSeconds: 30 }), 'lambda.timeoutSeconds: 30 is out of range (1 to 29)'],
  ['timeout zero', withSection('lambda', { timeoutSeconds: 0 }), 'lambda.timeoutSeconds: 0 is out of range (1 to 29)'],
  ['retention not a CloudWatch value', withSection('lambda', { logRetentionDays: 10 }), 'lambda.logRetentionDays: 10 must be one of 1, 3, 5, 7, 14'],
  ['interval not 10 or 30', withSection('healthCheck', { requestInterval: 20 }), 'healthCheck.requestInterval: 20 must be one of 10, 30'],
  ['threshold too high', withSection('healthCheck', { failureThreshold: 11 }), 'healthCheck.failureThreshold: 11 is out of range (1 to 10)'],
  ['threshold too low', withSection('healthCheck', { failureThreshold: 0 }), 'healthCheck.failureThreshold: 0 is out of range (1 to 10)'],
  ['dependency budget too long', withSection('healthCheck', { dependencyTimeoutMs: 2500 }), 'healthCheck.dependencyTimeoutMs: 2500 is out of range (100 to 1900)'],
  ['dependency budget too short', withSection('healthCheck', { dependencyTimeoutMs: 50 }), 'healthCheck.dependencyTimeoutMs: 50 is out of range (100 to 1900)'],
  ['dependency budget beyond the function timeout', { ...MINIMAL, lambda: { timeoutSeconds: 1 }, healthCheck: { dependencyTimeoutMs: 1500 } },
    'healthCheck.dependencyTimeoutMs: 1500 must be shorter than lambda.timeoutSeconds (1 s)'],
  ['dependency not a URL', withSection('healthCheck', { dependencies: ['db:5432'] }), 'healthCheck.dependencies[0]: "db:5432" is not an http(s) URL'],
  ['unknown checker region', withSection('healthCheck', { checkerRegions: ['us-east-1', 'eu-west-1', 'eu-central-1'] }), 'healthCheck.checkerRegions[2]: "eu-central-1" must be one of'],
  ['too few checker regions', withSection('healthCheck', { checkerRegions: ['us-east-1', 'eu-west-1'] }), 'healthCheck.checkerRegions: ["us-east-1","eu-west-1"] must list at least 3 regions'],
  ['unknown check target', withSection('healthCheck', { target: 'domain' }), 'healthCheck.target: "domain" must be one of "hostname", "execute-api"'],
  ['hostname pattern without {region}', withSection('healthCheck', { regionalHostname: 'check.{domainName}' }),
    'healthCheck.regionalHostname: "check.{domainName}" must contain {region}'],
  ['hostname outside the domain', withSection('healthCheck', { regionalHostname: '{region}.example.org' }),
    'healthCheck.regionalHostname: "{region}.example.org" gives "us-east-1.example.org" for us-east-1, which is not under api.example.com'],
  ['hostname not a DNS name', withSection('healthCheck', { regionalHostname: '{region}_x.{domainName}' }),
    'gives "us-east-1_x.api.example.com" for us-east-1, which is not a lower-case DNS name'],
  ['hostname label over 63', withSection('healthCheck', { regionalHostname: `${'a'.repeat(55)}-{region}.{domainName}` }), 'which is not a lower-case DNS name'],
  ['hostname pattern with the execute-api target', withSection('healthCheck', { target: 'execute-api', regionalHostname: '{region}.{domainName}' }),
    'healthCheck.regionalHostname: "{region}.{domainName}" applies only to healthCheck.target "hostname"'],
  ['bad record type', withSection('dns', { recordType: 'A' }), 'dns.recordType: "A" must be one of "ALIAS", "CNAME"'],
  ['TTL on an ALIAS record', withSection('dns', { ttl: 30 }), 'dns.ttl: 30 applies only to dns.recordType "CNAME"'],
  ['TTL out of range', withSection('dns', { recordType: 'CNAME', ttl: -1 }), 'dns.ttl: -1 is out of range (0 to 172800)'],
  ['throttling rate out of range', withSection('api', { throttlingRateLimit: 0 }), 'api.throttlingRateLimit: 0 is out of range (1 to 10000)'],
  ['throttling burst out of range', withSection('api', { throttlingBurstLimit: 6000 }), 'api.throttlingBurstLimit: 6000 is out of range (1 to 5000)'],
  ['bad alarm email', withSection('alarms', { emails: ['oncall'] }), 'alarms.emails[0]: "oncall" is not an email address'],
  ['unknown backend', withSection('state', { backend: 'gcs' }), 'state.backend: "gcs" must be one of "s3", "cloud", "local"'],
  ['bad bucket name', withSection('state', { bucket: 'My_Bucket' }), 'state.bucket: "My_Bucket" is not a valid S3 bucket name'],
  ['bad state region', withSection('state', { region: 'mars-1' }), 'state.region: "mars-1" must be one of'],
  ['bad lock table', withSection('state', { dynamodbTable: 'x' }), 'state.dynamodbTable: "x" is not a DynamoDB table name'],
  ['cloud backend without organization', withSection('state', { backend: 'cloud', workspace: 'w' }), 'state.organization: is required when state.backend is "cloud"'],
  ['key of another backend', withSection('state', { backend: 'local', bucket: 'b' }), 'state.bucket: unknown setting'],
  ['TTL too long', withSection('dns', { recordType: 'CNAME', ttl: 172801 }), 'dns.ttl: 172801 is out of range (0 to 172800)'],
  ['cloud backend without workspace', withSection('state', { backend: 'cloud', organization: 'acme' }), 'state.workspace: is required when state.backend is "cloud"'],
  ['bad cloud workspace name', withSection('state', { backend: 'cloud', organization: 'acme', workspace: 'api prod' }), 'state.workspace: "api prod" is not a Terraform Cloud workspace name'],
  ['S3 key starting with a slash', withSection('state', { key: '/api.tfstate' }), 'state.key: "/api.tfstate" is not an object key that does not start with "/"'],
];

describe('validateConfig rejects', () => {
  test.each(badCases)('%s', (_name, raw, expected) => {
    const problems = problemsOf(raw);
    expect(problems).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
  });

  test('reports every problem of a file at once, one line each', () => {
    const problems = problemsOf({ domainName: '', hostedZoneId: 'nope', regions: ['us-east-9'], lambda: { memoryMb: 1 } });
    expect(problems).toHaveLength(4);
    problems.forEach((line) => expect(line).not.toContain('\n'));
  });
});

describe('config/schema.json refuses them too, wherever JSON Schema can say it', () => {
  test.each(badCases)('%s', (name, raw) => expectJsonSchemaRefuses(name, raw));
});

test('a $schema key is the one key beside the settings a file may hold', () => {
  expect(validateConfig({ ...MINIMAL, $schema: './schema.json' }).domainName).toBe(MINIMAL.domainName);
  expect(problemsOf({ ...MINIMAL, $schema: 7 })).toEqual(['$schema: 7 must be a string, not a number']);
  expect(problemsOf({ ...MINIMAL, $schma: './schema.json' })).toEqual([expect.stringMatching(/^\$schma: unknown setting \(did you mean "\$schema"\?\)/)]);
  expect(problemsOf({ ...MINIMAL, lambda: { $schema: './schema.json' } })).toEqual([expect.stringMatching(/^lambda\.\$schema: unknown setting/)]);
});
