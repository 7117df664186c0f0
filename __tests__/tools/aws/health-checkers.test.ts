import { healthyShare, isHealthy } from '../../../tools/aws/health-checkers';

const reports = (ok: number, failed: number) => [
  ...Array.from({ length: ok }, () => ({ StatusReport: { Status: 'Success: HTTP Status Code 200, OK' } })),
  ...Array.from({ length: failed }, () => ({ StatusReport: { Status: 'Failure: HTTP Status Code 503, Service Unavailable' } })),
];

describe('Route 53 health from checker observations', () => {
  test('healthy only while more than 18% of checkers succeed', () => {
    expect(healthyShare(reports(3, 13))).toBeCloseTo(0.1875);
    expect(isHealthy(reports(3, 13))).toBe(true);
    expect(isHealthy(reports(2, 14))).toBe(false);
    expect(isHealthy(reports(16, 0))).toBe(true);
  });

  test('no observations is not healthy', () => {
    expect(isHealthy([])).toBe(false);
  });
});
