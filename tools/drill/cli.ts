import { LambdaClient } from '@aws-sdk/client-lambda';
import { Route53Client } from '@aws-sdk/client-route-53';
import { Resolver } from 'dns/promises';
import { join } from 'path';
import { API_STACK_NAME } from '../../src/contract';
import { projectRoot } from '../../src/project-root';
import { parseDrillArgs, USAGE } from './args';
import { boundedClientConfig } from './aws-call';
import { systemClock } from './clock';
import { drillSteps, regionOf, runDrill } from './drill';
import { DrillError, DrillInterrupted, UsageError } from './errors';
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
  try {
    const args = parseDrillArgs(argv);
    if (args.kind === 'help') {
      console.log(USAGE);
      return 0;
    }
    const stackDir = args.stackDir ?? join(process.env.CDKTF_OUTDIR ?? join(projectRoot(), 'cdktf.out'), 'stacks', API_STACK_NAME);
    const outputs: StackOutputs = args.outputsFile ? readOutputsFile(args.outputsFile) : readTerraformOutputs(stackDir);
    regionOf(outputs, args.region);
    if (args.dryRun) {
      console.log(`drill of ${args.region} (dry run, nothing changed):`);
      drillSteps(outputs, args.region).forEach((step) => console.log(`  ${step}`));
      return 0;
    }
    const callTimeoutMs = args.callTimeoutSeconds * 1000;
    const resolver = new Resolver({ timeout: Math.ceil(callTimeoutMs / 2), tries: 2 });
    if (args.dnsServers.length > 0) resolver.setServers([...args.dnsServers]);
    await runDrill({
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
    }, {
      region: args.region, outputs, pollSeconds: args.pollSeconds, timeoutSeconds: args.timeoutSeconds,
      callTimeoutSeconds: args.callTimeoutSeconds,
    });
    console.log('drill complete');
    return 0;
  } catch (error) {
    if (error instanceof RestoreFailed) {
      console.error(`\ndrill: ${error.message}\n`);
      return 3;
    }
    if (error instanceof DrillInterrupted) {
      console.error(`drill ${error.message}; STATUS restored`);
      return 130;
    }
    if (error instanceof DrillError) {
      console.error(`drill: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    throw error;
  }
}

// Exit explicitly: a socket an unanswered AWS call left open must not keep the process alive after the drill is done.
main(process.argv.slice(2)).then((code) => process.exit(code), (error: Error) => {
  console.error(`drill: unexpected error: ${error.stack ?? error.message}`);
  process.exit(1);
});
