import { FailureShare, parseFault } from '../../../tools/local/faults';

describe('parseFault: a control body, or one line saying what is wrong', () => {
  test.each([
    [{ fault: 'none' }, { fault: 'none' }],
    [{ fault: 'unmapped' }, { fault: 'unmapped' }],
    [{ fault: 'hello-errors', rate: 0.3 }, { fault: 'hello-errors', rate: 0.3 }],
    [{ fault: 'hello-errors', rate: 1 }, { fault: 'hello-errors', rate: 1 }],
  ])('%j', (body, expected) => {
    expect(parseFault(body)).toEqual(expected);
  });

  test.each([
    [null, 'body must be a JSON object like {"fault":"unmapped"}'],
    [['hello-errors'], 'body must be a JSON object like {"fault":"unmapped"}'],
    [{ fault: 'gone' }, 'fault must be "none", "unmapped", "hello-errors", not "gone"'],
    [{ fault: 'hello-errors' }, 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not undefined'],
    [{ fault: 'hello-errors', rate: 0 }, 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not 0'],
    [{ fault: 'hello-errors', rate: 1.5 }, 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not 1.5'],
    [{ fault: 'hello-errors', rate: '0.3' }, 'rate must be a number with 0 < rate <= 1 (the share of invocations that fail), not "0.3"'],
    [{ fault: 'unmapped', rate: 0.3 }, 'rate applies only to "hello-errors", not to "unmapped"'],
    [{ fault: 'none', extra: 1 }, 'unknown field "extra"; a fault body has "fault" (and "rate" for "hello-errors")'],
  ])('%j', (body, problem) => {
    expect(parseFault(body)).toEqual({ problem });
  });
});

describe('FailureShare: exactly that share of invocations fail, spread evenly', () => {
  const failures = (rate: number, invocations: number) => {
    const share = new FailureShare(rate);
    return Array.from({ length: invocations }, () => share.next());
  };

  test.each([[1, 50, 50], [0.3, 100, 30], [0.1, 1000, 100], [0.01, 1000, 10]])('rate %s: %i invocations, %i failures', (rate, n, expected) => {
    expect(failures(rate, n).filter(Boolean)).toHaveLength(expected);
  });

  test('0.3: three in every ten, never two in a row', () => {
    const pattern = failures(0.3, 20);
    for (let start = 0; start + 10 <= pattern.length; start++) expect(pattern.slice(start, start + 10).filter(Boolean)).toHaveLength(3);
    expect(pattern.some((failed, i) => failed && pattern[i + 1])).toBe(false);
  });
});
