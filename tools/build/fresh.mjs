import { readFileSync, statSync, writeFileSync } from 'fs';
import { join } from 'path';

/**
 * A bundle is fresh when every file esbuild read for it (its metafile inputs) and this build's own code have the
 * size and mtime they had when it was written: then `run.mjs` starts it without loading esbuild at all.
 */
const BUILD_CODE = ['build.mjs', 'entries.mjs', 'vendor.mjs', 'fresh.mjs'].map((name) => `tools/build/${name}`);

function stampOf(root, files) {
  const stamp = {};
  for (const file of files) {
    try {
      const { size, mtimeMs } = statSync(join(root, file));
      stamp[file] = `${size}:${mtimeMs}`;
    } catch {
      stamp[file] = 'missing';
    }
  }
  return stamp;
}

const stampFile = (bundle) => `${bundle}.inputs.json`;

/** Records what `bundle` was built from (paths relative to root, as in esbuild's metafile). */
export function recordInputs(root, bundle, inputs) {
  const files = [...inputs, ...BUILD_CODE, 'tsconfig.json', 'package-lock.json'];
  writeFileSync(stampFile(bundle), JSON.stringify(stampOf(root, files)));
}

export function isFresh(root, bundle) {
  let recorded;
  try {
    recorded = JSON.parse(readFileSync(stampFile(bundle), 'utf8'));
    statSync(bundle);
  } catch {
    return false;
  }
  const now = stampOf(root, Object.keys(recorded));
  return Object.entries(recorded).every(([file, stamp]) => now[file] === stamp);
}
