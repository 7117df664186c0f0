import * as esbuild from 'esbuild';
import { createHash } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { isBuiltin } from 'module';
import { join } from 'path';
import { fileURLToPath } from 'url';

/**
 * The packages an inlined entry imports (cdktf, constructs, the provider's deep imports) go into one file,
 * dist/vendor.js, which Node loads faster than ~200 separate modules. Building it takes about a second, so it is
 * rebuilt only when the set of imports, the lockfile or esbuild changes; the app's own code rebuilds every time.
 */
export const VENDOR_FILE = 'vendor.js';

/** Routes every package import of the bundle through dist/vendor.js, recording which ones it saw. */
export function vendorPlugin(seen) {
  return {
    name: 'vendor',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, ({ path, kind }) => {
        if (kind === 'entry-point' || isBuiltin(path)) return undefined;
        // esbuild itself is loaded at synth time only when a Lambda handler must be rebuilt: it stays a package.
        if (path === 'esbuild' || path.startsWith('esbuild/')) return { path, external: true };
        seen.add(path);
        return { path, namespace: 'vendor' };
      });
      build.onResolve({ filter: new RegExp(`^\\./${VENDOR_FILE.replace('.', '\\.')}$`) }, ({ path }) => ({ path, external: true }));
      build.onLoad({ filter: /.*/, namespace: 'vendor' }, ({ path }) => ({
        contents: `module.exports = require('./${VENDOR_FILE}')(${JSON.stringify(path)});`,
        loader: 'js',
      }));
    },
  };
}

/** Writes dist/vendor.js for these package imports unless the one there was built from the same inputs. */
export async function buildVendor(root, imports) {
  const specifiers = [...imports].sort();
  const outfile = join(root, 'dist', VENDOR_FILE);
  const stampFile = join(root, 'dist', 'vendor.stamp');
  const stamp = createHash('sha256')
    .update(JSON.stringify(specifiers))
    .update(readFileSync(join(root, 'package-lock.json')))
    .update(esbuild.version)
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex');
  if (existsSync(outfile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  // Each package is required on first use, as a plain require would, so load order and side effects are unchanged.
  const cases = specifiers.map((id) => `    case ${JSON.stringify(id)}: return require(${JSON.stringify(id)});`);
  const contents = `module.exports = function load(id) {\n  switch (id) {\n${cases.join('\n')}\n  }\n  throw new Error('not in vendor.js: ' + id);\n};\n`;
  await esbuild.build({
    absWorkingDir: root,
    stdin: { contents, resolveDir: root, sourcefile: 'vendor-entry.js', loader: 'js' },
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  writeFileSync(stampFile, stamp);
}
