import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { addressesOwnedBy, attributeRegions, GLOBAL } from '../../../tools/stack-model/region-attribution';
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

const first = synthesizeApi();
const base = idsOf(first);
const three = synthesizeApi({ regions: ['us-east-1', 'us-west-2', 'eu-west-1'], retiredRegions: ['sa-east-1'] });

describe('releaseIds', () => {
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

  test("adding a region (and retiring another) keeps the other regions' ids and changes the global one (its validation records)", () => {
    const ids = idsOf(three);
    expect(ids.regions['us-east-1']).toBe(base.regions['us-east-1']);
    expect(ids.regions['us-west-2']).toBe(base.regions['us-west-2']);
    expect(ids.regions['eu-west-1']).toMatch(/^[0-9a-f]{16}$/);
    expect(ids.global).not.toBe(base.global);
  });

  test('canonical JSON sorts keys at every depth', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1}]}');
  });
});

describe('attributeRegions on the synthesized stack', () => {
  const attribution = attributeRegions(three.model);
  const owner = (type: string, idPart: string) => {
    const found = three.model.resources(type).filter((r) => r.name.includes(idPart));
    expect(found).toHaveLength(1);
    return attribution.owners.get(found[0].address);
  };

  test('each region owns its API, front door, checks and records, and its us-east-1 health alarm', () => {
    expect(attribution.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(attribution.retiredRegions).toEqual(['sa-east-1']);
    expect(owner('aws_lambda_function', 'region-eu-west-1_hello-world')).toBe('eu-west-1');
    expect(owner('aws_route53_record', 'front-door-us-west-2_latency-records_aaaa')).toBe('us-west-2');
    expect(owner('aws_cloudwatch_metric_alarm', 'health-check-alarms_alarm-eu-west-1')).toBe('eu-west-1');
  });

  test('the validation records and the alarm topic are global, and nothing else', () => {
    expect(addressesOwnedBy(attribution, GLOBAL)).toEqual([
      expect.stringMatching(/^aws_route53_record\.certificate-validation-records/),
      expect.stringMatching(/^aws_sns_topic\.health-check-alarms_topic/),
    ]);
  });

  test('every resource has an owner, and us-east-1 owns no resource of another region', () => {
    expect(attribution.owners.size).toBe(three.model.addresses().length);
    expect(addressesOwnedBy(attribution, 'us-east-1').filter((address) => /west|eu-/.test(address))).toEqual([]);
  });
});
