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
      errorRate: { enabled: true, threshold: 0.05, periodSeconds: 60, evaluationPeriods: 2, minRequests: 20 },
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
        errorRate: { enabled: false, threshold: 0.2, periodSeconds: 300, evaluationPeriods: 3, minRequests: 100 },
      },
      dns: { recordType: 'CNAME', ttl: 30 },
      api: { throttlingRateLimit: 500, throttlingBurstLimit: 100 },
      alarms: { emails: ['oncall@example.com'] },
      state: { backend: 'cloud', organization: 'acme', workspace: 'multi-region-api' },
    });
    expect(config.dns).toEqual({ recordType: 'CNAME', ttl: 30 });
    expect(config.healthCheck.errorRate).toEqual({ enabled: false, threshold: 0.2, periodSeconds: 300, evaluationPeriods: 3, minRequests: 100 });
    expect(config.state).toEqual({ backend: 'cloud', organization: 'acme', workspace: 'multi-region-api', hostname: 'app.terraform.io' });
  });

  test('health dependencies near the refused ones: another name in the zone, a public address, a look-alike key', () => {
    const dependencies = [
      'https://example.com/', 'https://notapi.example.com/', 'https://api.example.com.status.example.org/', 'http://8.8.8.8/',
      'http://172.32.0.1/', 'http://100.128.0.1/', 'https://status.example.org/health?sortkey=1&monkey=2',
    ];
    expect(validateConfig({ ...MINIMAL, healthCheck: { dependencies } }).healthCheck.dependencies).toEqual(dependencies);
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
  ['dependency with a scheme other than http(s)', withSection('healthCheck', { dependencies: ['ftp://files.example.com/ping'] }),
    'healthCheck.dependencies[0]: "ftp://files.example.com/ping" is not an http(s) URL'],
  ['dependency on the API\'s own name', withSection('healthCheck', { dependencies: ['https://api.example.com/v1/helloworld'] }),
    'healthCheck.dependencies[0]: "https://api.example.com/v1/helloworld" points at this API itself (api.example.com): every region\'s health function would call itself'],
  ['dependency on a regional hostname', withSection('healthCheck', { dependencies: ['https://status.example.org/', 'https://us-west-2.api.example.com/v1/healthcheck'] }),
    'healthCheck.dependencies[1]: "https://us-west-2.api.example.com/v1/healthcheck" points at this API itself (us-west-2.api.example.com)'],
  ['dependency on a name under the API\'s own', withSection('healthCheck', { dependencies: ['https://Status.API.example.com./'] }),
    'points at this API itself (status.api.example.com, under api.example.com)'],
  ['dependency on localhost', withSection('healthCheck', { dependencies: ['http://localhost:8080/health'] }),
    'healthCheck.dependencies[0]: "http://localhost:8080/health" is a loopback name (localhost)'],
  ['dependency on a *.localhost name', withSection('healthCheck', { dependencies: ['http://db.localhost/'] }), 'is a loopback name (db.localhost)'],
  ['dependency on 127.0.0.1', withSection('healthCheck', { dependencies: ['http://127.0.0.1:9001/'] }), 'is a loopback address (127.0.0.1)'],
  ['dependency on [::1]', withSection('healthCheck', { dependencies: ['http://[::1]/'] }), 'is a loopback address ([::1])'],
  ['dependency on loopback spelt as a number', withSection('healthCheck', { dependencies: ['http://2130706433/'] }),
    'healthCheck.dependencies[0]: "http://2130706433/" is a loopback address (127.0.0.1)'],
  ['dependency on loopback spelt in hex', withSection('healthCheck', { dependencies: ['http://0x7f.1/'] }), 'is a loopback address (127.0.0.1)'],
  ['dependency on IPv4-mapped loopback', withSection('healthCheck', { dependencies: ['http://[::ffff:127.0.0.1]/'] }),
    'is a loopback address (127.0.0.1 as [::ffff:7f00:1])'],
  ['dependency on the instance metadata address', withSection('healthCheck', { dependencies: ['http://169.254.169.254/latest/meta-data/'] }),
    'healthCheck.dependencies[0]: "http://169.254.169.254/latest/meta-data/" is the instance metadata address (169.254.169.254): a health URL must never call it'],
  ['dependency on a link-local address', withSection('healthCheck', { dependencies: ['http://[fe80::1]/'] }), 'is a link-local address ([fe80::1])'],
  ['dependency on 10/8', withSection('healthCheck', { dependencies: ['http://10.0.0.5/'] }), 'is a private address (10.0.0.5): a Lambda function outside a VPC'],
  ['dependency on 172.16/12', withSection('healthCheck', { dependencies: ['http://172.20.1.1/'] }), 'is a private address (172.20.1.1)'],
  ['dependency on 192.168/16', withSection('healthCheck', { dependencies: ['http://192.168.1.10/'] }), 'is a private address (192.168.1.10)'],
  ['dependency on carrier-grade NAT space', withSection('healthCheck', { dependencies: ['http://100.64.0.1/'] }), 'is a carrier-grade NAT address (100.64.0.1)'],
  ['dependency on a unique local IPv6 address', withSection('healthCheck', { dependencies: ['http://[fd00::5]/'] }), 'is a unique local (private) address ([fd00::5])'],
  ['dependency on 0.0.0.0', withSection('healthCheck', { dependencies: ['http://0.0.0.0/'] }), 'is a "this network" address (0.0.0.0)'],
  ['dependency on IPv4-mapped private space', withSection('healthCheck', { dependencies: ['http://[::ffff:192.168.0.1]/'] }),
    'is a private address (192.168.0.1 as [::ffff:c0a8:1])'],
  ['dependency with a password in its query', withSection('healthCheck', { dependencies: ['https://db.example.com/ping?user=a&Password=hunter2'] }),
    'healthCheck.dependencies[0]: "https://db.example.com/ping?user=a&Password=***" holds a credential in its query (Password=)'],
  ['dependency with a presigned-URL signature', withSection('healthCheck', { dependencies: ['https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA&X-Amz-Signature=abc'] }),
    '"https://b.s3.amazonaws.com/k?X-Amz-Credential=***&X-Amz-Signature=***" holds a credential in its query (X-Amz-Credential=)'],
  ['dependency with a token in its fragment', withSection('healthCheck', { dependencies: ['https://db.example.com/ping#access_token=abc'] }),
    'holds a credential in its fragment (access_token=)'],
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
  ['error-rate switch not a boolean', withSection('healthCheck', { errorRate: { enabled: 'yes' } }),
    'healthCheck.errorRate.enabled: "yes" must be true or false, not a string'],
  ['error-rate threshold of 0', withSection('healthCheck', { errorRate: { threshold: 0 } }),
    'healthCheck.errorRate.threshold: 0 is out of range (0 < value < 1)'],
  ['error-rate threshold of 1', withSection('healthCheck', { errorRate: { threshold: 1 } }),
    'healthCheck.errorRate.threshold: 1 is out of range (0 < value < 1)'],
  ['error-rate threshold as a percentage', withSection('healthCheck', { errorRate: { threshold: 5 } }),
    'healthCheck.errorRate.threshold: 5 is out of range (0 < value < 1)'],
  ['error-rate threshold of the wrong type', withSection('healthCheck', { errorRate: { threshold: '5%' } }),
    'healthCheck.errorRate.threshold: "5%" must be a number, not a string'],
  ['error-rate period not a standard one', withSection('healthCheck', { errorRate: { periodSeconds: 30 } }),
    'healthCheck.errorRate.periodSeconds: 30 must be one of 60, 120, 180, 300, 600, 900'],
  ['error-rate evaluation periods zero', withSection('healthCheck', { errorRate: { evaluationPeriods: 0 } }),
    'healthCheck.errorRate.evaluationPeriods: 0 is out of range (1 to 10)'],
  ['error-rate request floor zero', withSection('healthCheck', { errorRate: { minRequests: 0 } }),
    'healthCheck.errorRate.minRequests: 0 is out of range (1 to 100000)'],
  ['error-rate request floor not whole', withSection('healthCheck', { errorRate: { minRequests: 2.5 } }),
    'healthCheck.errorRate.minRequests: 2.5 must be a whole number, not a number'],
  ['request floor above what the probes bring (30 s interval)', withSection('healthCheck', { requestInterval: 30 }),
    'healthCheck.errorRate.minRequests: 20 is more than the 16 requests Route 53\'s probes of the served route bring in a period '
    + '(8 checker regions x 60 s / 30 s): a region out of DNS would come back while still failing; lower it to 16'],
  ['request floor above what three checker regions bring', withSection('healthCheck', {
    checkerRegions: ['us-east-1', 'eu-west-1', 'ap-southeast-1'], errorRate: { minRequests: 19 } }),
  'healthCheck.errorRate.minRequests: 19 is more than the 18 requests'],
  ['unknown error-rate setting', withSection('healthCheck', { errorRate: { treshold: 0.1 } }),
    'healthCheck.errorRate.treshold: unknown setting (did you mean "threshold"?)'],
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
