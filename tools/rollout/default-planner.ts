import { WavePlanner } from './dry-run';
import { RolloutError } from './errors';

/**
 * The offline planner `--dry-run` uses: plan:change's real-provider machinery (tools/plan-change/waves), loaded only
 * when a dry run asks (it loads Terraform's harness). A stop (`signal`) ends its Terraform and provider processes and
 * removes its folders; the plan:change cache keeps only whole entries.
 */
export function defaultWavePlanner(): WavePlanner {
  return {
    async planWaves(request, signal) {
      const [{ findTerraform }, { planWaveSets }, { RunGuard }] = await Promise.all([
        import('../terraform/find-terraform'), import('../plan-change/waves/plan-waves'), import('../plan-change/run-guard'),
      ]);
      const terraform = findTerraform();
      if (!terraform.found) throw new RolloutError(`--dry-run: ${terraform.message}`);
      const guard = new RunGuard();
      let stopping: Promise<unknown> = Promise.resolve();
      const stop = () => { stopping = guard.stop(); };
      signal.addEventListener('abort', stop, { once: true });
      try {
        const [run] = await planWaveSets([request], { terraform: terraform.binary, guard, notice: (line) => console.error(`rollout --dry-run: ${line}`) });
        return run.plan;
      } catch (error) {
        if (!signal.aborted) throw error;
        await stopping; // its processes ended and its folders removed before the caller reports the stop
        throw signal.reason;
      } finally {
        signal.removeEventListener('abort', stop);
      }
    },
  };
}
