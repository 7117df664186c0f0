import { maskUrl, refuseDependencyUrl } from '../../../lambda-src/shared/dependency-url';

const OWN = ['us-east-1.api.example.com', 'api.example.com'];

// Every spelling is judged by what `new URL` makes of it, so the health function and synth agree on each one.
const refused: Array<[string, string]> = [
  ['http://localhost/', 'is a loopback name (localhost)'],
  ['http://LOCALHOST./health', 'is a loopback name (localhost)'],
  ['http://db.localhost/', 'is a loopback name (db.localhost)'],
  ['http://127.0.0.1:9001/2018-06-01/runtime/invocation/next', 'is a loopback address (127.0.0.1)'],
  ['http://127.255.1.2/', 'is a loopback address (127.255.1.2)'],
  ['http://2130706433/', 'is a loopback address (127.0.0.1)'],
  ['http://0x7f.1/', 'is a loopback address (127.0.0.1)'],
  ['http://0177.0.0.1/', 'is a loopback address (127.0.0.1)'],
  ['http://[::1]/', 'is a loopback address ([::1])'],
  ['http://[0:0:0:0:0:0:0:1]/', 'is a loopback address ([::1])'],
  ['http://[::ffff:127.0.0.1]/', 'is a loopback address (127.0.0.1 as [::ffff:7f00:1])'],
  ['http://[::127.0.0.1]/', 'is a loopback address (127.0.0.1 as [::7f00:1])'],
  ['http://0.0.0.0:8080/', 'is a "this network" address (0.0.0.0)'],
  ['http://0/', 'is a "this network" address (0.0.0.0)'],
  ['http://[::]/', 'is the unspecified address ([::])'],
  ['http://169.254.169.254/latest/meta-data/', 'is the instance metadata address (169.254.169.254)'],
  ['http://[::ffff:169.254.169.254]/', 'is the instance metadata address (169.254.169.254 as [::ffff:a9fe:a9fe])'],
  ['http://0xa9fea9fe/', 'is the instance metadata address (169.254.169.254)'],
  ['http://[fd00:ec2::254]/', 'is the instance metadata address ([fd00:ec2::254])'],
  ['http://169.254.10.1/', 'is a link-local address (169.254.10.1)'],
  ['http://[fe80::1]/', 'is a link-local address ([fe80::1])'],
  ['http://[febf::1]/', 'is a link-local address ([febf::1])'],
  ['http://10.0.0.5/', 'is a private address (10.0.0.5)'],
  ['http://172.16.0.1/', 'is a private address (172.16.0.1)'],
  ['http://172.31.255.255/', 'is a private address (172.31.255.255)'],
  ['http://192.168.1.10/', 'is a private address (192.168.1.10)'],
  ['http://[::ffff:10.1.2.3]/', 'is a private address (10.1.2.3 as [::ffff:a01:203])'],
  ['http://[64:ff9b::192.168.0.1]/', 'is a private address (192.168.0.1 as [64:ff9b::c0a8:1])'],
  ['http://100.64.0.1/', 'is a carrier-grade NAT address (100.64.0.1)'],
  ['http://100.127.255.255/', 'is a carrier-grade NAT address (100.127.255.255)'],
  ['http://[fc00::1]/', 'is a unique local (private) address ([fc00::1])'],
  ['http://[fd12:3456::1]/', 'is a unique local (private) address ([fd12:3456::1])'],
  ['http://224.0.0.1/', 'is a multicast address (224.0.0.1)'],
  ['http://[ff02::1]/', 'is a multicast address ([ff02::1])'],
  ['http://255.255.255.255/', 'is a reserved address (255.255.255.255)'],
  ['ftp://files.example.com/health', 'is not an http(s) URL'],
  ['file:///etc/passwd', 'is not an http(s) URL'],
  ['ws://status.example.com/', 'is not an http(s) URL'],
  ['status.example.com/health', 'is not an http(s) URL'],
  ['https://admin:hunter2@db.example.com/', 'holds credentials (user:password@)'],
  ['https://admin@db.example.com/', 'holds credentials (user:password@)'],
  ['https://db.example.com/?password=x', 'holds a credential in its query (password=)'],
  ...['passwd', 'PWD', 'secret', 'token', 'access_token', 'api_key', 'apikey', 'key', 'signature', 'sig',
    'X-Amz-Signature', 'x-amz-credential', 'X-Amz-Security-Token', 'client_secret', 'db_password', 'auth-token']
    .map((key): [string, string] => [`https://db.example.com/ping?a=1&${key}=s3cret`, `holds a credential in its query (${key}=)`]),
  ['https://db.example.com/ping?pass%77ord=x', 'holds a credential in its query (pass%77ord=)'],
  ['https://db.example.com/ping#access_token=x', 'holds a credential in its fragment (access_token=)'],
  ['https://api.example.com/v1/helloworld', 'points at this API itself (api.example.com)'],
  ['https://API.Example.COM./v1/helloworld', 'points at this API itself (api.example.com)'],
  ['https://us-east-1.api.example.com/v1/healthcheck', 'points at this API itself (us-east-1.api.example.com)'],
  ['https://status.api.example.com/', 'points at this API itself (status.api.example.com, under api.example.com)'],
];

const accepted = [
  'https://db.internal.example.com/ping',
  'https://example.com/',
  'https://notapi.example.com/',
  'https://api.example.com.status.example.org/',
  'http://8.8.8.8/',
  'http://172.32.0.1/',
  'http://100.128.0.1/',
  'http://[::ffff:8.8.8.8]/',
  'https://[2600:1f18::1]/',
  'https://status.example.org/health?verbose=1&sortkey=2&monkey=3',
  'https://localhost.example.com/',
];

describe('refuseDependencyUrl', () => {
  test.each(refused)('refuses %s', (url, expected) => {
    expect(refuseDependencyUrl(url, OWN)?.problem).toBe(expected);
  });

  test.each(accepted)('accepts %s', (url) => {
    expect(refuseDependencyUrl(url, OWN)).toBeUndefined();
  });

  test.each([
    ['ftp://x.example.com/', 'scheme'], ['https://a:b@x.example.com/', 'user-info'], ['https://x.example.com/?sig=1', 'credential'],
    ['http://0x7f.1/', 'loopback'], ['http://[::]/', 'loopback'], ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://[fe80::1]/', 'unreachable'], ['http://100.64.0.1/', 'unreachable'], ['https://api.example.com/', 'self'],
  ])('%s is refused as %s (the kind src/config explains)', (url, kind) => {
    expect(refuseDependencyUrl(url, OWN)?.kind).toBe(kind);
  });

  test('own names count only when given: the config check passes them, the function knows the one it was called by', () => {
    expect(refuseDependencyUrl('https://api.example.com/v1/helloworld')).toBeUndefined();
  });

  test('no problem ever repeats a secret', () => {
    for (const [url] of refused) expect(refuseDependencyUrl(url, OWN)?.problem).not.toMatch(/hunter2|s3cret/);
  });
});

describe('maskUrl', () => {
  test.each([
    ['https://admin:hunter2@db.example.com/ping', 'https://***@db.example.com/ping'],
    ['https://a:p@ss@db.example.com/', 'https://***@db.example.com/'],
    ['https://db.example.com/p?a=1&token=abc&b=2', 'https://db.example.com/p?a=1&token=***&b=2'],
    ['https://db.example.com/p?X-Amz-Signature=abc#sig=def', 'https://db.example.com/p?X-Amz-Signature=***#sig=***'],
    ['https://db.example.com/p?pass%77ord=abc', 'https://db.example.com/p?pass%77ord=***'],
    ['not a url?password=abc', 'not a url?password=***'],
    ['https://db.example.com/a@b?sortkey=1', 'https://db.example.com/a@b?sortkey=1'],
  ])('%s -> %s', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });
});
