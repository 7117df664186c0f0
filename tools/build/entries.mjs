import { existsSync, readdirSync } from 'fs';
import { join } from 'path';

/**
 * What the fast build bundles, as source files relative to the project root; each lands at dist/<same path>.js.
 * `vendored: true` loads the packages (cdktf, constructs, the provider's deep imports) from one prebuilt file,
 * dist/vendor.js (tools/build/vendor.mjs): measured faster for the app than ~200 modules from node_modules. Tools keep
 * packages external. `needs`: other bundles the entry starts (every tool works on the app, so each needs main.ts
 * unless it says otherwise); `run.mjs` brings them up to date too. Every tools/<name>/cli.ts is picked up on its own;
 * other entry points are listed here.
 */
const LISTED = [
  { source: 'main.ts', vendored: true, needs: [] },
  { source: 'tools/local/measure-failover.ts' },
  { source: 'tools/local/measure-body-limit.ts' },
  { source: 'tools/client-settings/write-settings.ts' },
  { source: 'tools/terraform/verify-cli.ts' },
  { source: 'tools/terraform/plan-summary-cli.ts' },
  { source: 'tools/rollout/release-cli.ts' },
  {
    source: 'tools/bench/index.ts',
    needs: ['main.ts', 'tools/bench/rss-preload.ts', 'tools/bench/synth-phases.ts', 'tools/bench/baseline/root-import-app.ts'],
  },
  // Files the bench starts or preloads in child processes.
  { source: 'tools/bench/rss-preload.ts', needs: [] },
  { source: 'tools/bench/synth-phases.ts', needs: [] },
  { source: 'tools/bench/baseline/root-import-app.ts', needs: [] },
];

/** Every entry point, listed ones first, then each tools/<name>/cli.ts. */
export function allEntries(root) {
  const clis = readdirSync(join(root, 'tools'), { withFileTypes: true })
    .filter((dir) => dir.isDirectory() && existsSync(join(root, 'tools', dir.name, 'cli.ts')))
    .map((dir) => ({ source: `tools/${dir.name}/cli.ts` }))
    .sort((a, b) => a.source.localeCompare(b.source));
  return [...LISTED, ...clis].map((entry) => ({ needs: ['main.ts'], ...entry }));
}
