import { UsageError } from '../../../tools/cli/args';
import { parseDrillArgs } from '../../../tools/drill/args';

// --help, unknown flags and missing values end the process through tools/cli: cli.test.ts runs those.
describe('drill arguments', () => {
  test('region, dry run, outputs file, DNS servers and timings', () => {
    expect(parseDrillArgs(['--region', 'us-west-2', '--dry-run', '--outputs', 'o.json', '--dns-server', '8.8.8.8, 1.1.1.1:53,[::1]:5353,::1', '--poll', '2'])).toEqual({
      region: 'us-west-2', dryRun: true, outputsFile: 'o.json', stackDir: undefined,
      dnsServers: ['8.8.8.8', '1.1.1.1:53', '[::1]:5353', '::1'], pollSeconds: 2, timeoutSeconds: 900, callTimeoutSeconds: 15,
    });
  });

  test.each([
    [[], '--region is required'],
    [['--region', 'us-east-1', '--poll', '0'], '--poll: "0" is not a number from 0.1 to 3600'],
    [['--region', 'us-east-1', '--timeout', 'soon'], '--timeout: "soon" is not a number from 1 to 86400'],
    [['--region', 'us-east-1', '--call-timeout', ''], '--call-timeout: "" is not a number from 1 to 600'],
    [['--region', 'us-east-1', '--dns-server', 'dns.google'], '--dns-server: "dns.google" is not an IP address'],
    [['--region', 'us-east-1', '--dns-server', '8.8.8.8:99999'], '--dns-server: "8.8.8.8:99999" is not an IP address'],
    [['--region', 'us-east-1', '--dns-server', '1.1.1.1,300.1.1.1'], '--dns-server: "300.1.1.1" is not an IP address'],
    [['--region', 'us-east-1', '--dns-server', '[8.8.8.8]:53'], '--dns-server: "[8.8.8.8]:53" is not an IP address'],
  ])('%j: %s', (argv, message) => {
    expect(() => parseDrillArgs(argv)).toThrow(UsageError);
    expect(() => parseDrillArgs(argv)).toThrow(message);
  });
});
