import { createHash } from 'crypto';
import type { BuildOptions } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { tmpdir } from 'os';
import { dirname, join, relative, sep } from 'path';
import { writeZip } from './archive/write-zip';
import { projectRoot } from './project-root';

/** The handlers under lambda-src/, each bundled to one file. */
export type HandlerName = 'hello-world' | 'health-check';

/** Cached files get one fixed mtime, so nothing downstream can vary with when a bundle happened to be written. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');
const CACHE_DIR = join(tmpdir(), 'multi-region-api-bundles');

/**
 * Lambda needs only `handler`. Re-exporting it from a CommonJS-style entry spares the bundle esbuild's ESM-to-CommonJS
 * interop helpers and export table (about 450 bytes: a third of a handler).
 */
const ENTRY_SOURCE = "import { handler } from './index';\nexports.handler = handler;\n";
const BUILD_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  write: false,
  metafile: true,
  legalComments: 'none',
  logLevel: 'silent',
};

interface Bundle {
  readonly hash: string;
  readonly dir: string;
}

/** What a bundle was built from, so the next synth can reuse it without running esbuild when nothing changed. */
interface Manifest {
  readonly key: string;
  /** Every file esbuild read (paths relative to the project root), with its content hash. */
  readonly inputs: Readonly<Record<string, string>>;
  readonly hash: string;
}

const bundles = new Map<HandlerName, Bundle>();

/**
 * Bundles lambda-src/<name>/index.ts (minified, Node 22, CommonJS) into a folder named by its content hash, and returns
 * a deterministic `archive.zip` of it (written in-process) for a TerraformAsset of type FILE: unlike an ARCHIVE asset,
 * it spawns no Node child process at synth time. Same source, same archive path and bytes.
 */
export function handlerArchive(name: HandlerName): string {
  const { hash, dir } = bundle(name);
  const file = join(CACHE_DIR, `${name}-${hash}-zip`, 'archive.zip');
  if (!existsSync(file)) writeAtomically(file, writeZip(new Map([['index.js', readFileSync(join(dir, 'index.js'))]])));
  return file;
}

function bundle(name: HandlerName): Bundle {
  const known = bundles.get(name);
  if (known) return known;
  const root = projectRoot();
  const key = sha256(JSON.stringify({ esbuild: readFileSync(require.resolve('esbuild/package.json'), 'utf8'), BUILD_OPTIONS, ENTRY_SOURCE }));
  const manifestFile = join(CACHE_DIR, 'manifests', `${name}.json`);
  const cached = reusable(root, name, key, manifestFile);
  const hash = cached ?? build(root, name, key, manifestFile);
  const result = { hash, dir: join(CACHE_DIR, `${name}-${hash}`) };
  bundles.set(name, result);
  return result;
}

/** The recorded bundle hash when its key and every input are unchanged and its file still exists. */
function reusable(root: string, name: HandlerName, key: string, manifestFile: string): string | undefined {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
  if (manifest.key !== key) return undefined;
  for (const [path, hash] of Object.entries(manifest.inputs)) {
    if (fileHash(join(root, path)) !== hash) return undefined;
  }
  return existsSync(join(CACHE_DIR, `${name}-${manifest.hash}`, 'index.js')) ? manifest.hash : undefined;
}

function build(root: string, name: HandlerName, key: string, manifestFile: string): string {
  // Loaded only when a bundle must be built: a synth with unchanged handlers never pays for it.
  const esbuild = createRequire(__filename)('esbuild') as typeof import('esbuild');
  const resolveDir = join(root, 'lambda-src', name);
  const sourcefile = 'lambda-entry.ts';
  const result = esbuild.buildSync({
    ...BUILD_OPTIONS,
    absWorkingDir: root,
    stdin: { contents: ENTRY_SOURCE, resolveDir, sourcefile, loader: 'ts' },
  });
  const code = result.outputFiles![0].contents;
  const hash = sha256(code).slice(0, 16);
  const file = join(CACHE_DIR, `${name}-${hash}`, 'index.js');
  if (!existsSync(file)) writeAtomically(file, code);

  const inputs: Record<string, string> = {};
  const entry = relative(root, join(resolveDir, sourcefile)).split(sep).join('/');
  const read = Object.keys(result.metafile!.inputs).filter((path) => path !== entry);
  for (const path of [...read, 'tsconfig.json']) inputs[path] = fileHash(join(root, path));
  const manifest: Manifest = { key, inputs, hash };
  writeAtomically(manifestFile, Buffer.from(JSON.stringify(manifest)));
  return hash;
}

/** Concurrent synths (test workers) may race on the shared cache: readers see a whole file or none. */
function writeAtomically(file: string, data: Uint8Array): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data);
  utimesSync(temporary, FIXED_MTIME, FIXED_MTIME);
  renameSync(temporary, file);
}

/** A file's content hash, or 'missing' (a file that appears later, e.g. a tsconfig.json, invalidates the cache too). */
function fileHash(path: string): string {
  try {
    return sha256(readFileSync(path));
  } catch {
    return 'missing';
  }
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
