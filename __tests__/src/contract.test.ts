import { answerTtlSeconds, failoverSeconds } from '../../src/contract';

describe('failover-time model', () => {
  test.each([
    ['the defaults (ALIAS)', 10, 2, { recordType: 'ALIAS', ttl: 60 }, 80],
    ['the blog (30 s x 2, CNAME 60 s)', 30, 2, { recordType: 'CNAME', ttl: 60 }, 120],
    ['fastest: 10 s x 1, CNAME 0 s', 10, 1, { recordType: 'CNAME', ttl: 0 }, 10],
  ] as const)('%s', (_name, requestInterval, failureThreshold, dns, seconds) => {
    expect(failoverSeconds({ requestInterval, failureThreshold }, dns)).toBe(seconds);
  });

  test('ALIAS answers carry 60 s whatever dns.ttl says', () => {
    expect(answerTtlSeconds({ recordType: 'ALIAS', ttl: 5 })).toBe(60);
    expect(answerTtlSeconds({ recordType: 'CNAME', ttl: 5 })).toBe(5);
  });
});
