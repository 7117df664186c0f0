import { INITIAL_HEALTH, SEARCH_WINDOW_BYTES, judge, nextHealth } from '../../../tools/local/health-state';

const check = { type: 'HTTPS_STR_MATCH', searchString: 'ok' };
const ok = { ok: true, detail: 'HTTP 200' };
const failed = { ok: false, detail: 'HTTP 503' };

describe('judge, as Route 53 HTTPS_STR_MATCH does', () => {
  test.each([
    [200, '{"status":"ok"}', true, 'HTTP 200'],
    [301, 'ok', true, 'HTTP 301'],
    [503, '{"status":"ok"}', false, 'HTTP 503'],
    [200, '{"status":"unhealthy"}', false, 'HTTP 200 without "ok"'],
  ])('HTTP %i %s -> ok=%s', (status, body, expected, detail) => {
    expect(judge(check, status, Buffer.from(body))).toEqual({ ok: expected, detail });
  });

  test('looks only at the first 5,120 bytes', () => {
    expect(judge(check, 200, Buffer.from(`${' '.repeat(SEARCH_WINDOW_BYTES)}ok`)).ok).toBe(false);
  });

  test('a plain HTTPS check ignores the body', () => {
    expect(judge({ type: 'HTTPS', searchString: '' }, 204, Buffer.alloc(0)).ok).toBe(true);
  });
});

describe('nextHealth', () => {
  const run = (outcomes: Array<typeof ok>, threshold: number) =>
    outcomes.reduce((state, outcome) => nextHealth(state, outcome, threshold), INITIAL_HEALTH);

  test('threshold consecutive failures make a healthy check unhealthy', () => {
    expect(run([failed], 2).healthy).toBe(true);
    expect(run([failed, failed], 2).healthy).toBe(false);
  });

  test('a success in between restarts the count', () => {
    expect(run([failed, ok, failed], 2).healthy).toBe(true);
  });

  test('threshold consecutive successes bring it back', () => {
    expect(run([failed, failed, ok], 2).healthy).toBe(false);
    expect(run([failed, failed, ok, ok], 2).healthy).toBe(true);
  });
});
