import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { configPath, loadConfig } from '../../../src/config/load';
import { jsonStructureProblem, MAX_JSON_DEPTH } from '../../../src/config/json-structure';
import { ConfigError } from '../../../src/config/validate';
import { MINIMAL } from '../../helpers/config';

const dir = mkdtempSync(join(tmpdir(), 'config-load-'));
function problemsLoading(text: string): readonly string[] {
  const path = join(dir, 'config.json');
  writeFileSync(path, text);
  try {
    loadConfig(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('expected the file to be rejected');
}

describe('loadConfig refuses what JSON.parse lets through', () => {
  test('a key given twice at the top level, naming the key', () => {
    const text = `{"domainName": "api.example.com", "hostedZoneId": "${MINIMAL.hostedZoneId}", "regions": ["us-east-1"], "regions": ["eu-west-1"]}`;
    expect(problemsLoading(text)).toEqual([
      'regions: the key "regions" is given twice in one object (JSON keeps only the last; remove one)',
    ]);
  });

  test('a key given twice inside a section, named by its path', () => {
    const text = JSON.stringify(MINIMAL).replace(/}$/, ', "cors": {"allowOrigins": ["*"], "allow\\u004frigins": ["https://a.example.com"]}}');
    expect(problemsLoading(text)).toEqual([expect.stringMatching(/^cors\.allowOrigins: the key "allowOrigins" is given twice/)]);
  });

  test('a deeply nested file is one line, not a RangeError', () => {
    const depth = 200_000;
    const problems = problemsLoading(`{"tags": ${'['.repeat(depth)}${']'.repeat(depth)}}`);
    expect(problems).toEqual([`nests deeper than ${MAX_JSON_DEPTH} levels (at character ${9 + MAX_JSON_DEPTH - 1})`]);
  });
});

describe('jsonStructureProblem', () => {
  test.each([
    ['same key in sibling objects', '[{"a": 1}, {"a": 2}]'],
    ['a key-like string as a value', '{"a": "a", "b": "a"}'],
    ['escaped quotes inside keys', '{"a\\"b": 1, "a\\\\": {"a\\"b": 2}}'],
    ['nesting at the limit', `${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`],
  ])('accepts %s', (_name, text) => {
    expect(jsonStructureProblem(text)).toBeUndefined();
  });

  test('names the path of a duplicate inside an array of objects', () => {
    expect(jsonStructureProblem('{"x": [{"a": 1}, {"b": 1, "b": 2}]}')).toMatch(/^x\[1\]\.b: the key "b" is given twice/);
  });

  test('finds a duplicate at the end of a 200,000-key object in one pass', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `"k${i}": ${i}`);
    expect(jsonStructureProblem(`{${keys.join(', ')}, "k0": 0}`)).toMatch(/^k0: the key "k0" is given twice/);
  });
});

describe('configPath', () => {
  test('unset means the example; a path is used as given', () => {
    expect(configPath({})).toBe('config/example.json');
    expect(configPath({ MULTI_REGION_CONFIG: 'mine.json' })).toBe('mine.json');
  });

  test('an empty MULTI_REGION_CONFIG is an error, not the example', () => {
    expect(() => configPath({ MULTI_REGION_CONFIG: '' })).toThrow(
      'MULTI_REGION_CONFIG: 1 problem\n  is set but empty; unset it to use config/example.json, or set it to a config file\'s path');
  });
});
