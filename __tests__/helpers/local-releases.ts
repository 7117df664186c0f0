import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { readZip } from '../../tools/archive/read-zip';
import { writeZip } from '../../src/archive/write-zip';
import { manifestOf, RELEASE_FILE } from '../../tools/rollout/release';
import { StackModel } from '../../tools/stack-model/stack-model';
import { copyOutput, synthesizeApi, SynthesizedApi } from './synthesized-release';

/** A release folder as `npm run release` writes it (the synth of MINIMAL plus `overrides`, and its release.json). */
export function releaseOf(overrides: Record<string, unknown> = {}): SynthesizedApi {
  return withManifest(synthesizeApi(overrides));
}

/**
 * A copy of release `base` whose hello-world archive holds `wrap(original index.js)` instead: the same stack with
 * other handler bytes, so every region's release id changes (as a real code change would).
 */
export function withHelloCode(base: SynthesizedApi, wrap: (original: string) => string): SynthesizedApi {
  const copy = copyOutput(base);
  const assets = join(copy.stackDir, 'assets', 'hello-world-code');
  for (const hash of readdirSync(assets)) {
    const archive = join(assets, hash, 'archive.zip');
    const original = readZip(readFileSync(archive)).get('index.js')!.toString('utf8');
    writeFileSync(archive, writeZip(new Map([['index.js', Buffer.from(wrap(original))]])));
  }
  return withManifest(copy);
}

/**
 * The bundled hello handler, failing (throwing: API Gateway answers 502) on 2 of every 5 invocations of each copy:
 * a bad release whose share of failed requests is exactly 40%.
 */
export function failingTwoInFive(original: string): string {
  return `const real = (() => { const module = { exports: {} }; const exports = module.exports; ${original}
  return module.exports; })();
let invocations = 0;
exports.handler = async (event, context) => {
  invocations += 1;
  if (invocations % 5 === 1 || invocations % 5 === 3) throw new Error('bad release: 2 of every 5 invocations fail');
  return real.handler(event, context);
};`;
}

function withManifest(api: SynthesizedApi): SynthesizedApi {
  const model = new StackModel(JSON.parse(readFileSync(join(api.stackDir, 'cdk.tf.json'), 'utf8')));
  writeFileSync(join(api.outdir, RELEASE_FILE), JSON.stringify(manifestOf(api.stackDir, model), null, 2));
  return { ...api, model };
}
