import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { Resolver } from 'dns/promises';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { projectRoot } from '../../src/project-root';
import { checkFlags, UsageError } from '../cli/args';
import { CLI_NAME, DrillArgs, parseDrillArgs } from './args';
import { boundedClientConfig } from '../aws/call';
import { AwsCallError } from '../aws/errors';
import { systemClock } from '../cli/clock';
import { DrillDeps, drillSteps, regionOf, runDrill } from './drill';
import { DrillError, DrillInterrupted } from './errors';
import { readOutputsFile, readTerraformOutputs, StackOutputs } from './outputs';
import { RestoreFailed } from './restore';

// The pinned SDK runs on Node 20 (package.json engines); its notice about future SDK versions would bury the one-line
// errors the drill promises.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

/**
 * `npm run drill -- --region <r>`: exit 0 done, 1 drill failed (STATUS restored), 2 bad input, 3 restore failed
 * (STATUS may still be fail; the message has the command to fix it), 130 interrupted (STATUS restored).
 */
async function main(argv: readonly string[]): Promise<number> {
  // --help and flag mistakes end here, through tools/cli, like every CLI of tools/.
  const args = checkFlags(CLI_NAME, () => parseDrillArgs(argv));
  try {
    const outputs = readOutputs(args);
    checkFlags(CLI_NAME, () => regionOf(outputs, args.region));
    if (args.dryRun) {
      console.log(`drill of ${args.region} (dry run, nothing changed):`);
      drillSteps(outputs, args.region).forEach((step) => console.log(`  ${step}`));
      return 0;
    }
    await runDrill(drillDeps(args), {
      region: args.region, outputs, pollSeconds: args.pollSeconds, timeoutSeconds: args.timeoutSeconds,
      callTimeoutSeconds: args.callTimeoutSeconds,
    });
    console.log('drill complete');
    return 0;
  } catch (error) {
    return reportFailure(error);
  }
}

function readOutputs(args: DrillArgs): StackOutputs {
  if (args.outputsFile) return readOutputsFile(args.outputsFile);
  return readTerraformOutputs(args.stackDir ?? join(process.env.CDKTF_OUTDIR ?? join(projectRoot(), 'cdktf.out'), 'stacks', API_STACK_NAME));
}

function drillDeps(args: DrillArgs): DrillDeps {
  const callTimeoutMs = args.callTimeoutSeconds * 1000;
  const resolver = new Resolver({ timeout: Math.ceil(callTimeoutMs / 2), tries: 2 });
  if (args.dnsServers.length > 0) resolver.setServers([...args.dnsServers]);
  return {
    // AWS_ENDPOINT_URL, when set, points both clients elsewhere (the tests' fake AWS on loopback).
    lambda: new LambdaClient({ region: args.region, ...boundedClientConfig(callTimeoutMs) }),
    route53: new Route53Client({ region: 'us-east-1', ...boundedClientConfig(callTimeoutMs) }),
    dns: resolver,
    clock: systemClock,
    log: (line) => console.log(line),
    onInterrupt: (handler) => {
      const listeners = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
        const listener = () => handler(signal);
        process.on(signal, listener);
        return [signal, listener] as const;
      });
      return () => listeners.forEach(([signal, listener]) => process.off(signal, listener));
    },
  };
}

/** The exit code for what stopped the drill, after its one-line (or, for a failed restore, one-paragraph) report. */
function reportFailure(error: unknown): number {
  if (error instanceof RestoreFailed) {
    console.error(`\n${CLI_NAME}: ${error.message}\n`);
    return 3;
  }
  if (error instanceof DrillInterrupted) {
    console.error(`${CLI_NAME} ${error.message}; STATUS restored`);
    return 130;
  }
  if (error instanceof DrillError || error instanceof AwsCallError || error instanceof UsageError) {
    console.error(`${CLI_NAME}: ${error.message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  throw error;
}

// Exit explicitly: a socket an unanswered AWS call left open must not keep the process alive after the drill is done.
main(process.argv.slice(2)).then((code) => process.exit(code), (error: Error) => {
  console.error(`${CLI_NAME}: unexpected error: ${error.stack ?? error.message}`);
  process.exit(1);
});
