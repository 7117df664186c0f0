import { findReference, parseInstanceList, parseReference, referencesIn, replaceReferences } from '../../../tools/stack-model/references';

// HCL scans an identifier as (ID_Start | '_') (ID_Continue | '-')*: types, names and attributes alike.
const ALLOWED_NAMES = [
  'a', 'api', 'region-us-east-1_api_ABC123EF', '_private', '__x', '_-x', 'trailing-', 'Ünïcödé_名前', 'x9', 'CamelCase',
];
const ALLOWED_ATTRIBUTES = ['id', 'code_sha256', 'ipv6_cidr_block', 's3_bucket', 'qualified_invoke_arn', '_x'];
const NOT_IDENTIFIERS = ['1abc', '9', '-lead', 'a b', 'a$b', ''];

describe('one parser of Terraform references', () => {
  test.each(ALLOWED_NAMES)('a resource named %j is referenced whole, embedded, in expressions and in for-expressions', (name) => {
    const reference = { type: 'aws_x', name, attribute: 'id' };
    expect(parseReference(`\${aws_x.${name}.id}`)).toEqual(reference);
    expect(findReference(`https://\${aws_x.${name}.id}.example.com`)).toEqual(reference);
    expect(referencesIn(`\${sha1(jsonencode([aws_y.other.id, aws_x.${name}.id]))}`)).toEqual(['aws_y.other', `aws_x.${name}`]);
    expect(parseInstanceList(`\${[ for key, val in aws_x.${name}: val.fqdn]}`)).toEqual({ ...reference, attribute: 'fqdn' });
  });

  test.each(ALLOWED_ATTRIBUTES)('attribute %j (digits and underscores allowed)', (attribute) => {
    expect(parseReference(`\${aws_lambda_function.fn.${attribute}}`)).toEqual({ type: 'aws_lambda_function', name: 'fn', attribute });
  });

  test.each(NOT_IDENTIFIERS)('%j is not an identifier: no reference', (name) => {
    expect(parseReference(`\${aws_x.${name}.id}`)).toBeUndefined();
    expect(parseReference(`\${aws_x.a.${name}}`)).toBeUndefined();
  });

  test('whole means the whole value; data sources and longer traversals are not three-part references', () => {
    expect(parseReference('${aws_x.a.id}.suffix')).toBeUndefined();
    expect(parseReference('${data.aws_x.a.id}')).toBeUndefined();
    expect(parseReference('${aws_x.a.alias[0].name}')).toBeUndefined();
  });

  test('every reference in a value: data sources too, not the tail of another traversal, not in the // comment', () => {
    expect(referencesIn({ a: ['${aws_x.a.id}', '${data.aws_y.b.arn}'], '//': '${aws_z.c.id}' })).toEqual(['aws_x.a', 'data.aws_y.b']);
    expect(referencesIn('${each.value.aws_x.a}')).toEqual([]);
    expect(referencesIn('${{ for k, v in aws_x.a : k => v.id }} and ${aws_y.b.id}')).toEqual(['aws_x.a', 'aws_y.b']);
    expect(referencesIn('no interpolation aws_x.a.id')).toEqual([]);
  });

  test('replaceReferences rewrites each whole ${type.name.attr} and leaves everything else', () => {
    const text = 'https://${aws_x.region-us-east-1_api.id}.execute-api.${aws_y._b.region}.amazonaws.com/${var.stage}';
    expect(replaceReferences(text, (r) => `<${r.name}:${r.attribute}>`))
      .toBe('https://<region-us-east-1_api:id>.execute-api.<_b:region>.amazonaws.com/${var.stage}');
  });
});
