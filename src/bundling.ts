import { createHash } from 'crypto';
import { buildSync } from 'esbuild';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { projectRoot } from './project-root';

/** The handlers under lambda-src/, each bundled to one file. */
export type HandlerName = 'hello-world' | 'health-check';

/** archiver stamps each zip entry with the file's mtime; a fixed one keeps the archive, and source_code_hash, stable. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');
const bundled = new Map<HandlerName, string>();

/**
 * Bundles lambda-src/<name>/index.ts (minified, Node 22, CommonJS) into a folder named by its content hash and returns
 * that folder, ready for a TerraformAsset of type ARCHIVE. Same source, same folder, same zip: no spurious diffs.
 */
export function bundleHandler(name: HandlerName): string {
  const cached = bundled.get(name);
  if (cached) return cached;
  const result = buildSync({
    entryPoints: [join(projectRoot(), 'lambda-src', name, 'index.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), 'multi-region-api-bundles', `${name}-${hash}`);
  const file = join(dir, 'index.js');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, code);
    utimesSync(file, FIXED_MTIME, FIXED_MTIME);
  }
  bundled.set(name, dir);
  return dir;
}
