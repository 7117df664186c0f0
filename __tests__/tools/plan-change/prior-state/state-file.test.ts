import { lineageFor, providerAddress, sensitivePaths } from '../../../../tools/plan-change/prior-state/state-file';

describe('state file parts', () => {
  test('provider address carries the alias of the configuration key', () => {
    expect(providerAddress('aws.us-east-1-monitoring')).toBe('provider["registry.terraform.io/hashicorp/aws"].us-east-1-monitoring');
    expect(providerAddress('aws')).toBe('provider["registry.terraform.io/hashicorp/aws"]');
  });

  test("sensitive_values' true leaves become state paths, through lists and nested objects", () => {
    expect(sensitivePaths({ private_key: true, tags_all: {}, options: [{ secret: true }, {}], names: [false] })).toEqual([
      [{ type: 'get_attr', value: 'private_key' }],
      [{ type: 'get_attr', value: 'options' }, { type: 'index', value: { value: 0, type: 'number' } }, { type: 'get_attr', value: 'secret' }],
    ]);
  });

  test('lineage is a UUID, stable for a seed', () => {
    expect(lineageFor('a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(lineageFor('a')).toBe(lineageFor('a'));
    expect(lineageFor('a')).not.toBe(lineageFor('b'));
  });
});
