import { LatencyRecordModel } from '../../../tools/local/model';
import { CachingResolver } from '../../../tools/local/resolver';

const record = (region: string, ttlSeconds = 60): LatencyRecordModel => ({
  id: region, name: 'api.example.com', type: 'A', setIdentifier: region, latencyRegion: region, targetRegion: region, ttlSeconds,
});

test('reuses an answer for its TTL divided by the time scale, then asks again', () => {
  let now = 0;
  let answer = record('us-east-1');
  const resolver = new CachingResolver(() => answer, 10, () => now);
  expect(resolver.resolve()!.targetRegion).toBe('us-east-1');
  answer = record('us-west-2');
  now = 5999;
  expect(resolver.resolve()!.targetRegion).toBe('us-east-1');
  now = 6000;
  expect(resolver.resolve()!.targetRegion).toBe('us-west-2');
});
