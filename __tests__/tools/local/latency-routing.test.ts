import { chooseRecord, latencyOrder } from '../../../tools/local/latency-routing';
import { LatencyRecordModel } from '../../../tools/local/model';

const record = (region: string, healthCheckId?: string): LatencyRecordModel => ({
  id: region, name: 'api.example.com', type: 'A', setIdentifier: region, latencyRegion: region,
  targetRegion: region, healthCheckId, ttlSeconds: 60,
});
const records = [record('us-east-1', 'hc-east'), record('us-west-2', 'hc-west'), record('eu-west-1', 'hc-eu')];
const healthy = (...ids: string[]) => (id: string) => ids.includes(id);

describe('chooseRecord', () => {
  test('the nearest healthy region answers', () => {
    expect(chooseRecord(records, ['us-east-1', 'us-west-2', 'eu-west-1'], healthy('hc-east', 'hc-west', 'hc-eu'))!.latencyRegion).toBe('us-east-1');
    expect(chooseRecord(records, ['eu-west-1', 'us-east-1', 'us-west-2'], healthy('hc-east', 'hc-west', 'hc-eu'))!.latencyRegion).toBe('eu-west-1');
  });

  test('an unhealthy region leaves the answer set', () => {
    expect(chooseRecord(records, ['us-east-1', 'us-west-2', 'eu-west-1'], healthy('hc-west', 'hc-eu'))!.latencyRegion).toBe('us-west-2');
  });

  test('when every region is unhealthy, all answer again (fail-open) and the nearest wins', () => {
    expect(chooseRecord(records, ['us-west-2', 'us-east-1', 'eu-west-1'], healthy())!.latencyRegion).toBe('us-west-2');
  });

  test('a record without a health check is always in the set', () => {
    expect(chooseRecord([record('us-east-1', 'hc-east'), record('us-west-2')], ['us-east-1', 'us-west-2'], healthy())!.latencyRegion)
      .toBe('us-west-2');
  });
});

describe('latencyOrder', () => {
  test('named regions first, the rest in config order', () => {
    expect(latencyOrder(['eu-west-1'], ['us-east-1', 'us-west-2', 'eu-west-1'])).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(latencyOrder([], ['us-east-1', 'us-west-2'])).toEqual(['us-east-1', 'us-west-2']);
  });

  test('an unknown region is reported', () => {
    expect(latencyOrder(['mars-1'], ['us-east-1'])).toEqual({ unknown: 'mars-1' });
  });
});
