import { Reference } from '../../../../tools/stack-model/references';
import { resolveArgument, resolveInstanceList, resolveReferences } from '../../../../tools/plan-change/prior-state/resolve-references';
import { StateFile } from '../../../../tools/plan-change/prior-state/state-file';

const lookup = ({ type, name, attribute }: Reference) => (type === 'aws_x' && name === 'y' ? `${attribute}-value` : undefined);

describe('reference resolution', () => {
  test('a plain reference takes the value; a template of plain references is interpolated', () => {
    expect(resolveArgument('${aws_x.y.id}', lookup)).toBe('id-value');
    expect(resolveArgument('${aws_x.y.id}.execute-api.us-east-1.amazonaws.com', lookup)).toBe('id-value.execute-api.us-east-1.amazonaws.com');
  });

  test('functions, unknown references and constants are left alone', () => {
    expect(resolveArgument('${sha1(jsonencode([aws_x.y.id]))}', lookup)).toBeUndefined();
    expect(resolveArgument('${aws_x.z.id}', lookup)).toBeUndefined();
    expect(resolveArgument('constant', lookup)).toBeUndefined();
  });

  test('a for-expression over a for_each resource lists that attribute of every instance', () => {
    expect(resolveInstanceList('${[ for key, val in aws_route53_record.v: val.fqdn]}', () => ['a', 'b'])).toEqual(['a', 'b']);
  });

  test('resolveReferences makes state arguments agree with what they refer to, through nested blocks and chains', () => {
    const state = {
      resources: [
        { type: 'aws_a', name: 'a', instances: [{ attributes: { id: 'a-1' } }] },
        { type: 'aws_b', name: 'b', instances: [{ attributes: { id: 'b-1', a_id: 'stale' } }] },
        { type: 'aws_c', name: 'c', instances: [{ attributes: { alias: [{ target: 'stale' }] } }] },
      ],
    } as unknown as StateFile;
    resolveReferences(state, {
      aws_b: { b: { a_id: '${aws_a.a.id}' } },
      aws_c: { c: { alias: { target: 'x-${aws_b.b.a_id}' } } },
    });
    expect(state.resources.map((r) => r.instances[0].attributes)).toEqual([
      { id: 'a-1' }, { id: 'b-1', a_id: 'a-1' }, { alias: [{ target: 'x-a-1' }] },
    ]);
  });
});
