import { median, percentile } from '../../../tools/bench/stats';

describe('bench statistics', () => {
  test('median of odd and even counts, regardless of order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  test('p99 by nearest rank: of 1..100 it is 99, of 1..10 the maximum', () => {
    expect(percentile(Array.from({ length: 100 }, (_, i) => 100 - i), 0.99)).toBe(99);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBe(10);
    expect(percentile([7], 0.5)).toBe(7);
  });

  test('no samples is an error, not NaN', () => {
    expect(() => percentile([], 0.5)).toThrow('no samples');
  });
});
