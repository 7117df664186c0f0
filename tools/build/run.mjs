import { createRequire } from 'module';
import { join, resolve } from 'path';
import { fileURLToPath } from 'url';
import { allEntries } from './entries.mjs';
import { isFresh } from './fresh.mjs';

/**
 * `node tools/build/run.mjs <entry.ts> [args...]`: builds that entry and the bundles it starts (its `needs`) where
 * they are not fresh, then runs the entry's bundle in this process with source maps on (as
 * `node --enable-source-maps dist/<entry>.js args...` would, without a second Node start).
 */
const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const [source, ...args] = process.argv.slice(2);
if (!source) {
  console.error('usage: node tools/build/run.mjs <entry.ts> [args...]');
  process.exit(2);
}
const bundleOf = (entry) => join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'));
const entry = allEntries(ROOT).find((candidate) => candidate.source === source);
const stale = [source, ...(entry?.needs ?? [])].filter((needed) => !isFresh(ROOT, bundleOf(needed)));
if (stale.length > 0) {
  try {
    const { build } = await import('./build.mjs');
    await build(stale);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
const bundle = bundleOf(source);
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], bundle, ...args];
createRequire(import.meta.url)(bundle);
