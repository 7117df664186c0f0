import { numberFlag, UsageError } from '../../../tools/cli/args';

describe('numberFlag', () => {
  test('a number in range is returned', () => {
    expect([numberFlag('--runs', '3', 1, 10, true), numberFlag('--poll', '0.5', 0.1, 60)]).toEqual([3, 0.5]);
  });

  test.each([['', 1, 10], ['fast', 1, 10], ['0', 1, 10], ['11', 1, 10], ['1.5', 1, 10]])('"%s" is refused, naming the flag', (text, min, max) => {
    expect(() => numberFlag('--runs', text, min, max, true)).toThrow(new UsageError(`--runs: "${text}" is not an integer from ${min} to ${max}`));
  });
});
