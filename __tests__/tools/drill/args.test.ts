import { parseDrillArgs } from '../../../tools/drill/args';
import { UsageError } from '../../../tools/drill/errors';

describe('drill arguments', () => {
  test('region, dry run, outputs file, DNS servers and timings', () => {
    expect(parseDrillArgs(['--region', 'us-west-2', '--dry-run', '--outputs', 'o.json', '--dns-server', '8.8.8.8, 1.1.1.1', '--poll', '2'])).toEqual({
      region: 'us-west-2', dryRun: true, outputsFile: 'o.json', stackDir: undefined,
      dnsServers: ['8.8.8.8', '1.1.1.1'], pollSeconds: 2, phaseTimeoutSeconds: 600,
    });
  });

  test.each([
    [[], '--region is required'],
    [['--region'], '--region needs a value'],
    [['--region', 'us-east-1', '--force'], 'unknown argument "--force"'],
    [['--region', 'us-east-1', '--poll', '0'], '--poll: "0" is not a positive number of seconds'],
  ])('%j: %s', (argv, message) => {
    expect(() => parseDrillArgs(argv)).toThrow(UsageError);
    expect(() => parseDrillArgs(argv)).toThrow(message);
  });
});
