import { UsageError } from '../../../tools/cli/args';
import { parseCommand } from '../../../tools/local/args';

const parse = (...argv: string[]) => parseCommand(argv, { port: 3000, timeScale: 10 });

test('fault <region> hello-errors <rate>, unmapped, none', () => {
  expect(parse('fault', 'us-east-1', 'hello-errors', '0.3', '--port', '4000'))
    .toEqual({ kind: 'fault', port: 4000, region: 'us-east-1', fault: { fault: 'hello-errors', rate: 0.3 } });
  expect(parse('fault', 'eu-west-1', 'unmapped')).toEqual({ kind: 'fault', port: 3000, region: 'eu-west-1', fault: { fault: 'unmapped' } });
  expect(parse('fault', 'eu-west-1', 'none')).toEqual({ kind: 'fault', port: 3000, region: 'eu-west-1', fault: { fault: 'none' } });
});

test.each([
  [['fault', 'us-east-1', 'hello-errors'], 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not undefined'],
  [['fault', 'us-east-1', 'hello-errors', 'lots'], 'rate: "lots" is not a number'],
  [['fault', 'us-east-1', 'hello-errors', '0'], 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not 0'],
  [['fault', 'us-east-1', 'unmapped', '0.5'], 'rate applies only to "hello-errors", not to "unmapped"'],
  [['fault', 'us-east-1', 'crash'], 'fault must be "none", "unmapped", "hello-errors", not "crash"'],
  [['fault', 'us-east-1'], 'usage: npm run local -- fault <region> hello-errors <rate>|unmapped|none'],
  [['reboot'], 'unknown command "reboot"; commands: flip, fault, status'],
])('%j: a usage error naming it', (argv, message) => {
  expect(() => parse(...argv)).toThrow(new UsageError(message));
});
