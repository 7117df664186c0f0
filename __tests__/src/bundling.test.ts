import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readZip } from '../../tools/archive/read-zip';

type Bundling = typeof import('../../src/bundling');

// A private bundle cache (the module puts it under os.tmpdir(), which follows TMPDIR), so tampering with its records
// here cannot affect synths other test files run at the same time.
const savedTmpdir = process.env.TMPDIR;
process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'bundling-test-'));
const CACHE = join(tmpdir(), 'multi-region-api-bundles');
const MANIFEST = join(CACHE, 'manifests', 'health-check.json');
afterAll(() => {
  rmSync(process.env.TMPDIR!, { recursive: true, force: true });
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
});

/** A fresh copy of the module, as a new synth process would load it (no in-memory bundles yet). */
function freshBundling(): Bundling {
  let fresh: Bundling | undefined;
  jest.isolateModules(() => {
    fresh = jest.requireActual<Bundling>('../../src/bundling');
  });
  return fresh!;
}

function loadHandlerModule(code: string): Record<string, unknown> {
  const mod = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', 'require', code)(mod, mod.exports, require);
  return mod.exports;
}

/** The files of a handler's archive. */
function archived(archive: string): Map<string, Buffer> {
  return readZip(readFileSync(archive));
}

describe('handlerArchive', () => {
  test.each(['hello-world', 'health-check'] as const)('%s: a zip of only index.js, which exports only handler', (name) => {
    const files = archived(freshBundling().handlerArchive(name));
    expect([...files.keys()]).toEqual(['index.js']);
    expect(Object.keys(loadHandlerModule(files.get('index.js')!.toString('utf8')))).toEqual(['handler']);
  });

  test('a later synth reuses the recorded bundle: the same path and bytes', () => {
    const first = freshBundling().handlerArchive('health-check');
    const bytes = readFileSync(first);
    expect(first.startsWith(CACHE)).toBe(true);
    expect(first.endsWith('archive.zip')).toBe(true);
    const again = freshBundling().handlerArchive('health-check');
    expect(again).toBe(first);
    expect(readFileSync(again).equals(bytes)).toBe(true);
  });

  test('the record is trusted only while every input is unchanged', () => {
    const real = freshBundling().handlerArchive('health-check');
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8'));
    const decoyHash = '00000000000000de';
    const decoy = join(CACHE, `health-check-${decoyHash}`);
    mkdirSync(decoy, { recursive: true });
    writeFileSync(join(decoy, 'index.js'), 'decoy');
    try {
      writeFileSync(MANIFEST, JSON.stringify({ ...manifest, hash: decoyHash }));
      expect(archived(freshBundling().handlerArchive('health-check')).get('index.js')!.toString()).toBe('decoy');

      const stale = { ...manifest.inputs, 'lambda-src/health-check/index.ts': 'an older content hash' };
      writeFileSync(MANIFEST, JSON.stringify({ ...manifest, hash: decoyHash, inputs: stale }));
      expect(freshBundling().handlerArchive('health-check')).toBe(real);
      expect(JSON.parse(readFileSync(MANIFEST, 'utf8'))).toEqual(manifest);
    } finally {
      rmSync(decoy, { recursive: true, force: true });
      rmSync(`${decoy}-zip`, { recursive: true, force: true });
    }
  });
});
