import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { attributeRegions } from '../../../tools/stack-model/region-attribution';
import { canonicalJson, releaseIds } from '../../../tools/stack-model/release-id';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { copyOutput, SynthesizedApi, synthesizeApi } from '../../helpers/synthesized-release';

const idsOf = (api: SynthesizedApi) => releaseIds(api.stackDir, new StackModel(JSON.parse(readFileSync(join(api.stackDir, 'cdk.tf.json'), 'utf8'))));

/** Rewrites the copy's cdk.tf.json through `edit`. */
function editJson(api: SynthesizedApi, edit: (json: Record<string, Record<string, Record<string, Record<string, unknown>>>>) => void): void {
  const file = join(api.stackDir, 'cdk.tf.json');
  const json = JSON.parse(readFileSync(file, 'utf8'));
  edit(json);
  writeFileSync(file, JSON.stringify(json, null, 2));
}

describe('releaseIds', () => {
  const first = synthesizeApi();
  const base = idsOf(first);

  test('two synths of the same source and config: byte-identical stacks, the same ids', () => {
    const second = synthesizeApi();
    expect(readFileSync(join(second.stackDir, 'cdk.tf.json'), 'utf8')).toBe(readFileSync(join(first.stackDir, 'cdk.tf.json'), 'utf8'));
    expect(idsOf(second)).toEqual(base);
    expect(Object.keys(base.regions)).toEqual(['us-east-1', 'us-west-2']);
    expect(base.regions['us-east-1']).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set([base.global, ...Object.values(base.regions)]).size).toBe(3);
  });

  test("one region's function memory changes that region's id only", () => {
    const copy = copyOutput(first);
    editJson(copy, (json) => {
      const functions = json.resource.aws_lambda_function;
      const west = Object.keys(functions).find((name) => name.startsWith('region-us-west-2_hello-world'))!;
      functions[west].memory_size = 512;
    });
    const ids = idsOf(copy);
    expect(ids.regions['us-west-2']).not.toBe(base.regions['us-west-2']);
    expect({ east: ids.regions['us-east-1'], global: ids.global }).toEqual({ east: base.regions['us-east-1'], global: base.global });
  });

  test("handler bytes change every region's id, not the global one; cdktf's // metadata changes nothing", () => {
    const copy = copyOutput(first);
    const assetDir = join(copy.stackDir, 'assets', 'hello-world-code');
    const archive = join(assetDir, readdirSync(assetDir)[0], 'archive.zip');
    writeFileSync(archive, Buffer.concat([readFileSync(archive), Buffer.from([0])]));
    const changed = idsOf(copy);
    expect(changed.regions['us-east-1']).not.toBe(base.regions['us-east-1']);
    expect(changed.regions['us-west-2']).not.toBe(base.regions['us-west-2']);
    expect(changed.global).toBe(base.global);

    const metadataOnly = copyOutput(first);
    editJson(metadataOnly, (json) => {
      for (const byName of Object.values(json.resource)) for (const body of Object.values(byName)) body['//'] = { moved: true };
    });
    expect(idsOf(metadataOnly)).toEqual(base);
  });

  test("adding a region keeps the other regions' ids and changes the global one (its validation records)", () => {
    const three = synthesizeApi({ regions: ['us-east-1', 'us-west-2', 'eu-west-1'] });
    const ids = idsOf(three);
    expect(ids.regions['us-east-1']).toBe(base.regions['us-east-1']);
    expect(ids.regions['us-west-2']).toBe(base.regions['us-west-2']);
    expect(ids.regions['eu-west-1']).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.global).not.toBe(base.global);
    expect(attributeRegions(three.model).regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
  });

  test('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});
