import { resolve } from 'path';
import { UsageError } from '../cli/args';
import { SynthError } from '../stack-model/synthesize';
import { parseRolloutArgs, RolloutArgs } from './args';
import { systemClock } from '../cli/clock';
import { defaultWavePlanner } from './default-planner';
import { runDryRun, WavePlanner, wavePlanProblems, WavePlanRequest } from './dry-run';
import { RolloutError, RolloutInterrupted } from './errors';
import { LocalRunClient } from './local-run-client';
import { LocalTarget } from './local-target';
import { EXIT_CODES } from './outcome';
import { httpProber } from './probe';
import { ProgressFile } from './progress';
import { defaultRollbackWaitSeconds, rollbackSettleSeconds } from './region-gates';
import { readRelease } from './release';
import { defaultStateDir, freshRelease, LAST_RELEASE, readLastRelease, saveLastRelease } from './release-store';
import { reportJson, reportLines, RepeatFlags } from './report';
import { runRollout } from './rollout';
import { Target } from './target';
import { parseWaves, regionsToRoll } from './waves';

// The pinned SDK runs on Node 20 (package.json engines); its notice about future versions would bury the report.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/** `npm run rollout`: exit 0 rolled out, 1 rolled back or stopped, 2 bad input, 3 rollback failed, 130 interrupted. */
async function main(argv: readonly string[], planner: WavePlanner): Promise<number> {
  const args = parseRolloutArgs(argv);
  const log = (line: string) => (args.json ? console.error(line) : console.log(line));
  try {
    const stateDir = resolve(args.stateDir ?? defaultStateDir());
    const to = args.to ? readRelease(args.to, '--to') : freshRelease(stateDir);
    const previous = args.previous ? readRelease(args.previous, '--previous') : readLastRelease(stateDir) ?? noPrevious(stateDir);
    const waves = parseWaves(args.waves, regionsToRoll(to, previous));
    if (args.dryRun) return await dryRun(planner, { to, previous, waves }, args.json);
    log(`rollout of ${to.dir} (release ${to.key}) from ${previous.dir} (release ${previous.key})`);
    const target = await createTarget(args, stateDir, log);
    const outcome = await runRollout({
      to, previous, waves, bakeSeconds: args.bakeSeconds, minRequests: args.minRequests, pollSeconds: args.pollSeconds,
      probeTimeoutSeconds: args.callTimeoutSeconds, rollbackWaitSeconds: args.rollbackWaitSeconds ?? defaultRollbackWaitSeconds(previous),
      rollbackSettleSeconds: rollbackSettleSeconds(previous),
    }, { target, clock: systemClock, prober: httpProber, progress: new ProgressFile(stateDir), log, onInterrupt: subscribeToSignals });
    if (outcome.kind === 'rolled-out') log(`saved as the next --previous: ${saveLastRelease(stateDir, to)}`);
    const flags: RepeatFlags = { waves, bakeSeconds: args.bakeSeconds, minRequests: args.minRequests, local: args.local, stateDir };
    if (args.json) console.log(JSON.stringify(reportJson(outcome, to, previous, flags), null, 2));
    else (outcome.kind === 'rolled-out' ? console.log : console.error)(reportLines(outcome, to, previous, flags).join('\n'));
    return EXIT_CODES[outcome.kind];
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`npm run rollout: ${error.message}`);
      return 2;
    }
    if (error instanceof RolloutError || error instanceof SynthError) {
      console.error(`rollout: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function noPrevious(stateDir: string): never {
  throw new UsageError(`--previous: no release saved by an earlier rollout in ${stateDir}/${LAST_RELEASE}; pass --previous <dir> `
    + '(for a first rollout, `npm run release -- --out <dir>` from the commit that is deployed)');
}

/** The local run's client, or Terraform with AWS gates (loaded only then: the AWS SDK takes a while to load). */
async function createTarget(args: RolloutArgs, stateDir: string, log: (line: string) => void): Promise<Target> {
  const callTimeoutMs = args.callTimeoutSeconds * 1000;
  if (args.local) return new LocalTarget(new LocalRunClient(args.local, callTimeoutMs));
  const [{ findTerraform }, { awsGateClients }, { TerraformTarget }] = await Promise.all([
    import('../terraform/find-terraform'), import('./aws-clients'), import('./terraform-target'),
  ]);
  const terraform = findTerraform();
  if (!terraform.found) throw new RolloutError(terraform.message);
  return new TerraformTarget({
    stateDir, callTimeoutMs, clients: awsGateClients(callTimeoutMs), cli: { binary: terraform.binary.path, env: process.env, log },
  });
}

/** Exit 0 when the previewed rollout would go through, 1 when it would stop (one line each), 130 on SIGINT/SIGTERM. */
async function dryRun(planner: WavePlanner, request: WavePlanRequest, json: boolean): Promise<number> {
  const stop = new AbortController();
  const unsubscribe = subscribeToSignals((signal) => stop.abort(new RolloutInterrupted(signal)));
  try {
    const plan = await runDryRun(planner, request, json, stop.signal, (text) => console.log(text));
    const problems = wavePlanProblems(plan);
    problems.forEach((problem) => console.error(`rollout --dry-run: ${problem}`));
    return problems.length > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof RolloutInterrupted)) throw error;
    console.error(`rollout --dry-run: stopped by ${error.signal}; nothing was changed (a dry run changes nothing)`);
    return EXIT_CODES.interrupted;
  } finally {
    unsubscribe();
  }
}

function subscribeToSignals(handler: (signal: string) => void): () => void {
  const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
    const listener = () => handler(signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  return () => listeners.forEach(([signal, listener]) => process.off(signal, listener));
}

// Exit explicitly: a socket an unanswered AWS call left open must not keep the process alive after the report.
main(process.argv.slice(2), defaultWavePlanner()).then((code) => process.exit(code), (error: Error) => {
  console.error(`rollout: unexpected error: ${error.stack ?? error.message}`);
  process.exit(1);
});
