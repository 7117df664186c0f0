import { ApiMetrics, ServedRequest } from '../../../tools/local/api-metrics';

const request = (at: number, status: number, resource = '/helloworld', method = 'GET'): ServedRequest =>
  ({ stage: 'prod', resource, method, status, at });
const helloworld = { region: 'us-east-1', stage: 'prod', resource: '/helloworld', method: 'GET' };

describe('ApiMetrics: API Gateway\'s metrics from the requests a region answered', () => {
  let now = 0;
  const metrics = new ApiMetrics(10_000, () => now);
  beforeAll(() => {
    for (const [at, status] of [[100, 200], [200, 502], [300, 200], [400, 404], [1100, 200]]) metrics.record(request(at, status));
    metrics.record(request(150, 503, '/healthcheck'));
    metrics.record(request(160, 200, '/helloworld', 'OPTIONS'));
  });

  test('per method: Count, 5XXError and 4XXError as one sample a request', () => {
    expect(metrics.datapoint('Count', helloworld, 0, 1000)).toEqual({ sampleCount: 4, sum: 4, minimum: 1, maximum: 1 });
    expect(metrics.datapoint('5XXError', helloworld, 0, 1000)).toEqual({ sampleCount: 4, sum: 1, minimum: 0, maximum: 1 });
    expect(metrics.datapoint('4XXError', helloworld, 0, 1000)).toMatchObject({ sum: 1 });
  });

  test('the stage and the API count every method, the health route\'s 503 included', () => {
    expect(metrics.datapoint('5XXError', { region: 'us-east-1', stage: 'prod' }, 0, 1000)).toMatchObject({ sampleCount: 6, sum: 2 });
    expect(metrics.datapoint('Count', { region: 'us-east-1' }, 0, 2000)).toMatchObject({ sum: 7 });
  });

  test('a period without requests has no datapoint', () => {
    expect(metrics.datapoint('Count', helloworld, 2000, 3000)).toBeUndefined();
    expect(metrics.datapoint('5XXError', { ...helloworld, method: 'POST' }, 0, 1000)).toBeUndefined();
  });

  test('requests older than the retention are dropped as new ones arrive', () => {
    now = 10_500;
    metrics.record(request(10_500, 200));
    expect(metrics.datapoint('Count', helloworld, 0, 1000)).toBeUndefined();
    expect(metrics.datapoint('Count', helloworld, 1000, 2000)).toMatchObject({ sum: 1 });
  });
});
