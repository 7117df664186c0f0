import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readZip } from '../tools/archive/read-zip';
import { API_STACK_NAME, BOOTSTRAP_STACK_NAME } from '../src/contract';
import { runMain } from './helpers/run-main';
import { MINIMAL } from './helpers/config';
import { getEvent } from '../tools/local/proxy-event';

const dir = mkdtempSync(join(tmpdir(), 'mr-api-config-'));
function configFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const minimalWith = (extra: string) => JSON.stringify(MINIMAL).replace(/}$/, `, ${extra}}`);

describe('main with a bad configuration', () => {
  test.each([
    ['a missing file', join(dir, 'nope.json'), /nope\.json: 1 problem\n {2}file does not exist/],
    ['a file that is not JSON', configFile('broken.json', '{"regions": [}'), /broken\.json: 1 problem\n {2}is not valid JSON/],
    ['an unknown region', configFile('bad.json', JSON.stringify({ ...MINIMAL, regions: ['us-east-9'] })), /regions\[0\]: "us-east-9" is not an AWS region/],
    ['a deeply nested file', configFile('deep.json', `{"tags": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      /deep\.json: 1 problem\n {2}nests deeper than 32 levels/],
    ['a key given twice', configFile('twice.json', minimalWith('"namePrefix": "a", "namePrefix": "b"')),
      /twice\.json: 1 problem\n {2}namePrefix: the key "namePrefix" is given twice/],
    ['a namePrefix whose default bucket S3 refuses', configFile('xn.json', minimalWith('"namePrefix": "xn--api"')),
      /state\.bucket: "xn--api-terraform-state" starts with "xn--"/],
    ['a health dependency on the API itself', configFile('self.json', minimalWith('"healthCheck": {"dependencies": ["https://api.example.com/v1/helloworld"]}')),
      /self\.json: 1 problem\n {2}healthCheck\.dependencies\[0\]: "https:\/\/api\.example\.com\/v1\/helloworld" points at this API itself/],
    ['100,000 bad regions', configFile('many.json', JSON.stringify({ ...MINIMAL, regions: Array.from({ length: 100_000 }, (_, i) => `xx-${i}`) })),
      /many\.json: 100000 problems\n( {2}regions\[\d+\]: [^\n]+\n){50} {2}\.\.\. and 99950 more problems \(fix these first\)\n$/],
  ])('%s: one clear message, exit 1, no stack trace, nothing written', (_name, path, message) => {
    const run = runMain({ MULTI_REGION_CONFIG: path });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(run.outdir)).toEqual([]);
  });

  test('an empty MULTI_REGION_CONFIG is an error, not the example', () => {
    const run = runMain({ MULTI_REGION_CONFIG: '' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('Invalid configuration MULTI_REGION_CONFIG: 1 problem\n'
      + '  is set but empty; unset it to use config/example.json, or set it to a config file\'s path\n');
    expect(readdirSync(run.outdir)).toEqual([]);
  });
});

describe('main with opt-in regions', () => {
  test('synthesizes, with one line on stderr naming them and what the account needs', () => {
    const run = runMain({ MULTI_REGION_CONFIG: configFile('opt-in.json', JSON.stringify({ ...MINIMAL, regions: ['us-east-1', 'af-south-1'] })) });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('Note: af-south-1 (regions) is an opt-in region: enable it in the AWS account before deploying (Account > '
      + 'AWS Regions, or aws account enable-region --region-name af-south-1); there, session tokens from the global STS endpoint '
      + 'work only when set to version 2 (IAM account settings), tokens from regional STS endpoints always do\n');
    expect(readdirSync(join(run.outdir, 'stacks'))).toContain(API_STACK_NAME);
  });
});

describe('main with the example configuration', () => {
  const run = runMain();

  test('says nothing on stderr', () => {
    expect(run.stderr).toBe('');
  });
  const stackDir = join(run.outdir, 'stacks', API_STACK_NAME);
  const stack = JSON.parse(readFileSync(join(stackDir, 'cdk.tf.json'), 'utf8'));

  test('writes the multi-region-api stack for the example regions', () => {
    expect(run.status).toBe(0);
    expect(stack.provider.aws.map((p: { alias: string }) => p.alias)).toEqual(['us-east-1', 'us-west-2', 'us-east-1-monitoring']);
  });

  test('writes the state-bootstrap stack beside it, creating the bucket the API stack\'s S3 backend names', () => {
    const bootstrap = JSON.parse(readFileSync(join(run.outdir, 'stacks', BOOTSTRAP_STACK_NAME, 'cdk.tf.json'), 'utf8'));
    const [bucket] = Object.values(bootstrap.resource.aws_s3_bucket as Record<string, { bucket: string }>);
    expect(bucket.bucket).toBe(stack.terraform.backend.s3.bucket);
    expect(stack.terraform.backend.s3.use_lockfile).toBe(true);
  });

  const refused = { status: 'unhealthy', reason: 'dependency check failed', failedDependencies: [{ index: 0, outcome: 'refused' }] };
  test.each([
    ['hello-world', '/helloworld', 200, { message: 'Hello from eu-central-1' }, {}],
    ['health-check', '/healthcheck', 200, { status: 'ok' }, {}],
    ['health-check', '/healthcheck', 503, refused, { DEPENDENCY_URLS: '["http://169.254.169.254/latest/meta-data/"]' }],
  ])('the synthesized %s archive answers an API Gateway proxy event (%#)', async (name, path, status, body, env: Record<string, string>) => {
    const fn = Object.values(stack.resource.aws_lambda_function as Record<string, { function_name: string; filename: string }>)
      .find((f) => f.function_name.endsWith(name))!;
    const archive = join(stackDir, fn.filename);
    expect(existsSync(archive)).toBe(true);
    const files = readZip(readFileSync(archive));
    expect([...files.keys()]).toEqual(['index.js']);
    const mod = { exports: {} as { handler: (e: unknown) => Promise<{ statusCode: number; body: string }> } };
    new Function('module', 'exports', 'require', files.get('index.js')!.toString('utf8'))(mod, mod.exports, require);
    const saved = { ...process.env };
    Object.assign(process.env, { AWS_REGION: 'eu-central-1', ...env });
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const response = await mod.exports.handler(getEvent(path));
      expect(response.statusCode).toBe(status);
      expect(JSON.parse(response.body)).toEqual(body);
      expect(log).toHaveBeenCalledTimes(status === 503 ? 1 : 0);
    } finally {
      process.env = saved;
      log.mockRestore();
    }
  });

  test('bundles stay byte-identical across synths, so plans show no spurious Lambda updates', () => {
    const again = runMain();
    const hashes = (out: string) => readdirSync(join(out, 'stacks', API_STACK_NAME, 'assets'))
      .map((asset) => readdirSync(join(out, 'stacks', API_STACK_NAME, 'assets', asset)).join());
    expect(hashes(again.outdir)).toEqual(hashes(run.outdir));
    const zip = (out: string) => readFileSync(join(out, 'stacks', API_STACK_NAME, stack.resource.aws_lambda_function[Object.keys(stack.resource.aws_lambda_function)[0]].filename));
    expect(zip(again.outdir).equals(zip(run.outdir))).toBe(true);
  });
});
