import { mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MINIMAL } from './helpers/config';
import { runMain } from './helpers/run-main';

const dir = mkdtempSync(join(tmpdir(), 'mr-api-hostile-'));
function configFile(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const minimalWith = (extra: string) => JSON.stringify(MINIMAL).replace(/}$/, `, ${extra}}`);

// As a user runs it: the compiled app with MULTI_REGION_CONFIG; every row is a file that synthesized before.
describe('main with a hostile or AWS-refused configuration', () => {
  test.each([
    ['a deeply nested file', configFile('deep.json', `{"tags": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
      /deep\.json: 1 problem\n {2}nests deeper than 32 levels/],
    ['a key given twice', configFile('twice.json', minimalWith('"namePrefix": "a", "namePrefix": "b"')),
      /twice\.json: 1 problem\n {2}namePrefix: the key "namePrefix" is given twice/],
    ['a namePrefix whose default bucket S3 refuses', configFile('xn.json', minimalWith('"namePrefix": "xn--api"')),
      /state\.bucket: "xn--api-terraform-state" starts with "xn--"/],
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
