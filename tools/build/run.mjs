import { createRequire } from 'module';
import { join, resolve } from 'path';
import { fileURLToPath } from 'url';
import { isFresh } from './fresh.mjs';

/**
 * `node tools/build/run.mjs <entry.ts> [args...]`: builds that one entry unless its bundle is fresh, then runs the
 * bundle in this process with source maps on (as `node --enable-source-maps dist/<entry>.js args...` would, without
 * a second Node start).
 */
const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..', '..');
const [source, ...args] = process.argv.slice(2);
if (!source) {
  console.error('usage: node tools/build/run.mjs <entry.ts> [args...]');
  process.exit(2);
}
const bundle = join(ROOT, 'dist', source.replace(/\.ts$/, '.js'));
if (!isFresh(ROOT, bundle)) {
  try {
    const { build } = await import('./build.mjs');
    await build([source]);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
process.setSourceMapsEnabled(true);
process.argv = [process.argv[0], bundle, ...args];
createRequire(import.meta.url)(bundle);
