import { parseCli, UsageError } from '../cli/args';
import { SynthError } from '../stack-model/synthesize';
import { RELEASE_FILE, releaseKey } from './release';
import { writeRelease } from './release-writer';

const USAGE = `usage: npm run release -- --out <dir>

Synthesizes the current tree and config (MULTI_REGION_CONFIG, else config/example.json) into <dir>, a new folder,
with ${RELEASE_FILE}: a release id per region and one for the global resources (docs/rollout.md). <dir> is written
whole or not at all; an existing non-empty <dir> is refused.`;

function main(): number {
  const { values } = parseCli({ name: 'npm run release', usage: USAGE, config: { options: { out: { type: 'string' } } } });
  try {
    if (!values.out) throw new UsageError('--out <dir> is required');
    const manifest = writeRelease(values.out);
    console.log(`release ${releaseKey(manifest)} written to ${values.out}`);
    for (const [region, id] of Object.entries(manifest.regions)) console.log(`  ${region.padEnd(16)}${id}`);
    console.log(`  ${'global'.padEnd(16)}${manifest.global}`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`npm run release: ${error.message} (see --help)`);
      return 2;
    }
    if (error instanceof SynthError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = main();
