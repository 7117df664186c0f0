import * as esbuild from 'esbuild';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';
import { allEntries } from './entries.mjs';
import { recordInputs } from './fresh.mjs';
import { buildVendor, VENDOR_FILE, vendorPlugin } from './vendor.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Source maps cost nothing until an error escapes. Node maps every stack trace it formats while they are on, and
 * cdktf captures a full stack trace for each token it creates (+0.2 s per synth). Run with --enable-source-maps,
 * the bundle's map is loaded when the bundle is compiled; this banner then turns mapping off for the run and back on
 * for an uncaught error, whose stack Node formats only when it prints it.
 */
const MAP_ON_CRASH = 'if (process.sourceMapsEnabled) { process.setSourceMapsEnabled(false);'
  + " process.on('uncaughtExceptionMonitor', () => process.setSourceMapsEnabled(true)); }";

const COMMON = {
  absWorkingDir: ROOT,
  outdir: join(ROOT, 'dist'),
  outbase: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  sourcesContent: false,
  metafile: true,
  logLevel: 'warning',
};

/**
 * Bundles entry points to dist/<path>.js with source maps, in well under a second; no type checking here
 * (`npm run typecheck` does that). `sources` picks entries by source path (default: all).
 */
export async function build(sources) {
  const entries = allEntries(ROOT).filter((entry) => !sources || sources.includes(entry.source));
  const unknown = (sources ?? []).filter((source) => !entries.some((entry) => entry.source === source));
  if (unknown.length > 0) throw new Error(`build: unknown entry ${unknown.join(', ')}; entries are listed in tools/build/entries.mjs`);
  const vendored = entries.filter((entry) => entry.vendored).map((entry) => entry.source);
  const external = entries.filter((entry) => !entry.vendored).map((entry) => entry.source);
  const builds = [];
  if (vendored.length > 0) {
    const imports = new Set();
    builds.push(esbuild.build({ ...COMMON, entryPoints: vendored, banner: { js: MAP_ON_CRASH }, plugins: [vendorPlugin(imports)] })
      .then(async (result) => {
        await buildVendor(ROOT, imports);
        record(result.metafile, [`dist/${VENDOR_FILE}`]);
      }));
  }
  if (external.length > 0) {
    builds.push(esbuild.build({ ...COMMON, entryPoints: external, packages: 'external' }).then((result) => record(result.metafile)));
  }
  await Promise.all(builds);
}

/** Notes each bundle's inputs (its own files; packages are covered by the lockfile) for `run.mjs`'s freshness check. */
function record(metafile, extra = []) {
  for (const [output, { entryPoint, inputs }] of Object.entries(metafile.outputs)) {
    if (!entryPoint) continue;
    const files = Object.keys(inputs).filter((input) => !input.includes(':') && !input.startsWith('node_modules/'));
    recordInputs(ROOT, join(ROOT, output), [...files, ...extra]);
  }
}

/** dist/<source>.js for an entry's source path. */
export function bundlePath(source) {
  return join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const requested = process.argv.slice(2);
  build(requested.length > 0 ? requested : undefined).catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
