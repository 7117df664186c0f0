import { performance } from 'perf_hooks';
import { createRequire } from 'module';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

/**
 * Where the app's synth time goes, phase by phase, in one fresh process (run as a child by the bench with
 * MULTI_REGION_CONFIG set). Prints one JSON object. The archive children cdktf spawns for each ARCHIVE asset
 * (execSync of `node .../cdktf/lib/private/fs.js`) are timed by wrapping execSync on the shared module object.
 */
async function main(): Promise<void> {
  const phases: Record<string, number> = { nodeBoot: performance.now() };
  let mark = performance.now();
  const lap = (name: string): void => {
    const now = performance.now();
    phases[name] = now - mark;
    mark = now;
  };

  const childProcess = createRequire(__filename)('child_process') as typeof import('child_process');
  const execSync = childProcess.execSync;
  let archiveMs = 0;
  let archiveChildren = 0;
  childProcess.execSync = ((...args: Parameters<typeof execSync>) => {
    const started = performance.now();
    try {
      return execSync(...args);
    } finally {
      archiveMs += performance.now() - started;
      archiveChildren += 1;
    }
  }) as typeof execSync;

  await import('cdktf');
  lap('loadCdktf');
  const { buildApp } = await import('../../src/app');
  const { configPath, loadConfig } = await import('../../src/config');
  const { handlerArchive } = await import('../../src/bundling');
  lap('loadAppModules');
  handlerArchive('hello-world');
  handlerArchive('health-check');
  lap('bundleHandlers');
  const config = loadConfig(configPath());
  lap('loadConfig');
  const outdir = mkdtempSync(join(tmpdir(), 'bench-phases-'));
  try {
    const { app } = buildApp(config, outdir);
    lap('construct');
    app.synth();
    lap('synth');
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
  phases.archiveChildren = archiveMs;
  phases.synthWithoutArchive = phases.synth - archiveMs;
  process.stdout.write(`${JSON.stringify({ phases, archiveChildCount: archiveChildren, modulesLoaded: Object.keys(require.cache).length })}\n`);
}

void main();
