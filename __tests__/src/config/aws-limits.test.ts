import { ConfigError, MAX_PRINTED_PROBLEMS, validateConfig } from '../../../src/config/validate';
import { MINIMAL, problemsOf } from '../../helpers/config';
import { expectJsonSchemaRefuses, jsonSchemaErrors } from '../../helpers/json-schema';

const origins = (count: number) => Array.from({ length: count }, (_, i) => `https://app-${i}.customer-domain.example.com`);
const urls = (count: number) => Array.from({ length: count }, (_, i) => `https://dependency-${i}.internal.example.com/health`);
const tags = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`Tag${i}`, 'x']));

// Values AWS refuses at apply that `terraform validate` lets through: each must stop synth with one line naming the
// field and the value. Every row was accepted before these checks existed.
const refused: Array<[string, Record<string, unknown>, string]> = [
  ['domain name over ACM\'s 64 characters', { domainName: `${'a'.repeat(60)}.example.com` },
    'domainName: "aaaa'],
  ['Lambda environment over 4 KB from CORS origins', { cors: { allowOrigins: origins(100) } },
    'cors.allowOrigins: 100 origins make the hello-world function\'s environment 4311 bytes; Lambda allows 4096'],
  ['Lambda environment over 4 KB from dependencies', { healthCheck: { dependencies: urls(80) } },
    'healthCheck.dependencies: 80 URLs (with cors.allowOrigins) make the health-check function\'s environment'],
  ['51 tags', { tags: tags(51) }, 'tags: 51 tags; AWS allows 50 per resource'],
  ['10 tags plus the health check\'s Name', { tags: tags(10) }, 'tags: 10 tags make 11 on each Route 53 health check'],
  ['an empty tag key', { tags: { '': 'x' } }, 'tags.: "" is not a usable tag name'],
  ['a tag key with a character AWS refuses', { tags: { 'team#1': 'x' } }, 'tags.team#1: "team#1" is not a usable tag name'],
  ['a tag value with a character AWS refuses', { tags: { Team: 'a;b' } }, 'tags.Team: "a;b" must be a string of at most 256'],
  ['bucket with two dots in a row', { state: { bucket: 'my..bucket' } }, 'state.bucket: "my..bucket" has two dots in a row'],
  ['bucket shaped like an IP address', { state: { bucket: '192.168.5.4' } }, 'state.bucket: "192.168.5.4" is shaped like an IP address'],
  ['bucket with the sthree- prefix', { state: { bucket: 'sthree-state' } }, 'state.bucket: "sthree-state" starts with "sthree-"'],
  ['bucket with the -s3alias suffix', { state: { bucket: 'state-s3alias' } }, 'state.bucket: "state-s3alias" ends with "-s3alias"'],
  ['bucket with the --ol-s3 suffix', { state: { bucket: 'state--ol-s3' } }, 'state.bucket: "state--ol-s3" ends with "--ol-s3"'],
  ['default bucket made from a namePrefix like xn--api', { namePrefix: 'xn--api' },
    'state.bucket: "xn--api-terraform-state" starts with "xn--", which S3 reserves (the default, made from namePrefix "xn--api"'],
  ['default bucket made from a namePrefix like sthree-x', { namePrefix: 'sthree-x' }, 'state.bucket: "sthree-x-terraform-state" starts with "sthree-"'],
  ['state key over 1,024 bytes (fewer characters)', { state: { key: 'é'.repeat(600) } }, 'state.key: "ééé'],
  ['CORS origin on port 99999', { cors: { allowOrigins: ['https://app.example.com:99999'] } },
    'cors.allowOrigins[0]: "https://app.example.com:99999" has port 99999; ports are 1 to 65535'],
  ['CORS origin on port 0', { cors: { allowOrigins: ['https://app.example.com:0'] } }, 'has port 0'],
  ['email with two dots in the domain', { alarms: { emails: ['ops@example..com'] } },
    'alarms.emails[0]: "ops@example..com" is not an email address'],
  ['email with a dot ending the local part', { alarms: { emails: ['ops.@example.com'] } }, 'alarms.emails[0]: "ops.@example.com" is not'],
  ['dependency URL with user:password@', { healthCheck: { dependencies: ['https://admin:hunter2@db.example.com/ping'] } },
    'healthCheck.dependencies[0]: "https://***@db.example.com/ping" holds credentials'],
  ['dependency URL with a user only', { healthCheck: { dependencies: ['https://admin@db.example.com/ping'] } }, 'holds credentials'],
  ['CNAME latency records at a two-label name (a zone apex)', { domainName: 'example.com', dns: { recordType: 'CNAME' } },
    'dns.recordType: "CNAME" cannot name example.com, which can only be its hosted zone\'s apex: DNS allows no CNAME there and '
    + 'Route 53 refuses it at apply; use "ALIAS" (the default), which works at the apex'],
  ['CNAME latency records at a name right under a public suffix like co.uk', { domainName: 'example.co.uk', dns: { recordType: 'CNAME' } },
    'dns.recordType: "CNAME" cannot name example.co.uk'],
  ['tag keys equal but for case', { tags: { Team: 'a', Owner: 'b', team: 'c' } },
    'tags: "Team" and "team" differ only in case; IAM takes them as one key and refuses the functions\' roles at apply'],
  ['state key ending in "/"', { state: { key: 'envs/prod/' } },
    'state.key: "envs/prod/" ends with "/", which terraform init refuses for the S3 backend ("The value must not start or end with "/"")'],
  ['state key holding "//"', { state: { key: 'envs//prod.tfstate' } },
    'state.key: "envs//prod.tfstate" holds "//", which terraform init refuses for the S3 backend ("Value must not contain "//"")'],
];

const JUST_INSIDE = {
  ...MINIMAL,
  domainName: `${'a'.repeat(52)}.example.com`,
  tags: tags(9),
  cors: { allowOrigins: ['https://app.example.com:65535'] },
  alarms: { emails: ['first.last+ops@mail.example.co.uk'] },
  healthCheck: { dependencies: urls(40) },
  state: { key: 'k'.repeat(1024) },
};

describe('AWS limits refused at synth', () => {
  test.each(refused)('%s', (_name, overrides, expected) => {
    const problems = problemsOf({ ...MINIMAL, ...overrides });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(expected);
  });

  test('the password of a refused URL is not printed', () => {
    const [problem] = problemsOf({ ...MINIMAL, healthCheck: { dependencies: ['https://admin:hunter2@db.example.com/ping'] } });
    expect(problem).not.toContain('hunter2');
    expect(problem).toMatch(/needs no secret/);
  });

  test('the secret of a URL refused for a credential in its query is not printed', () => {
    const [problem] = problemsOf({ ...MINIMAL, healthCheck: { dependencies: ['https://db.example.com/ping?token=hunter2&x=1'] } });
    expect(problem).toBe('healthCheck.dependencies[0]: "https://db.example.com/ping?token=***&x=1" holds a credential in its query (token=), '
      + 'which would sit in plain text in the synthesized JSON, the Terraform state and the function\'s environment; give a health URL that needs no secret');
  });

  test('neighbours of the refused values are accepted, by config/schema.json too: CNAME below the apex, distinct tag keys, a key in folders', () => {
    const neighbours = [
      { ...MINIMAL, domainName: 'api.example.co.uk', dns: { recordType: 'CNAME' }, tags: { Team: 'a', Team2: 'b' }, state: { key: 'a/b/c.tfstate' } },
      { ...MINIMAL, domainName: 'www.example.com', dns: { recordType: 'CNAME' } },
      { ...MINIMAL, domainName: 'example.com' },
    ];
    expect(validateConfig(neighbours[0]).dns.recordType).toBe('CNAME');
    expect(validateConfig(neighbours[1]).domainName).toBe('www.example.com');
    expect(validateConfig(neighbours[2]).dns.recordType).toBe('ALIAS');
    neighbours.forEach((raw) => expect(jsonSchemaErrors(raw)).toEqual([]));
  });

  test('values just inside the limits are accepted, by config/schema.json too', () => {
    const config = validateConfig(JUST_INSIDE);
    expect(config.domainName).toHaveLength(64);
    expect(jsonSchemaErrors(JUST_INSIDE)).toEqual([]);
  });

  test.each(refused)('config/schema.json refuses it too, wherever JSON Schema can say it: %s', (name, overrides) => {
    expectJsonSchemaRefuses(name, { ...MINIMAL, ...overrides });
  });
});

describe('hostile input', () => {
  test('200,000 bad regions print 50 problems and a count of the rest', () => {
    const regions = Array.from({ length: 200_000 }, (_, i) => `xx-nowhere-${i}`);
    let error: ConfigError | undefined;
    try {
      validateConfig({ ...MINIMAL, regions }, 'big.json');
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error!.problems).toHaveLength(200_000);
    const lines = error!.message.split('\n');
    expect(lines).toHaveLength(1 + MAX_PRINTED_PROBLEMS + 1);
    expect(lines[lines.length - 1]).toBe('  ... and 199950 more problems (fix these first)');
  });

  test('200,000 distinct dependencies are checked for duplicates in one pass (the last one repeats the first)', () => {
    const dependencies = Array.from({ length: 200_000 }, (_, i) => `https://d${i}.example.com/`);
    dependencies.push(dependencies[0]);
    const problems = problemsOf({ ...MINIMAL, healthCheck: { dependencies } });
    expect(problems[0]).toBe('healthCheck.dependencies[200000]: "https://d0.example.com/" is listed twice');
  });

  test('a value nested too deep to print is described by its type, not a RangeError', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const problems = problemsOf({ ...MINIMAL, tags: { Team: deep } });
    expect(problems).toEqual(['tags.Team: an array must be a string of at most 256 characters (only letters, digits, spaces and _ . : / = + - @)']);
  });
});
