import { RolloutError } from './errors';
import { WavePlanner } from './dry-run';

/**
 * The offline planner `--dry-run` uses: the one import of it. NOT BUILT YET: plan:change's real-provider machinery
 * implements WavePlanner (dry-run.ts) and replaces this function; until then a dry run says so and exits 1.
 */
export function defaultWavePlanner(): WavePlanner {
  return {
    planWaves: () => Promise.reject(new RolloutError('--dry-run: the offline wave planner is not built yet (tools/rollout/default-planner.ts); '
      + 'plan a release with `npm run plan:change` meanwhile')),
  };
}
