// The page loads timeline.js as a plain script; jest loads the same file (typed by timeline.d.ts).
import * as T from '../../browser-client/timeline';
import { CLIENT_HELLO_PATH, helloText } from '../../src/contract';
import type { Poll, TimelineState } from '../../browser-client/timeline';

function play(polls: Poll[]): TimelineState {
  return polls.reduce(T.record, T.emptyTimeline());
}

describe('record', () => {
  test('keeps answers and errors side by side; an error clears nothing', () => {
    const timeline = play([
      { at: 0, latencyMs: 20, region: 'us-east-1' },
      { at: 1000, latencyMs: 5000, error: 'HTTP 502', status: 502 },
      { at: 2000, latencyMs: 21, region: 'us-east-1' },
    ]);
    expect(timeline.entries.map((e) => e.kind)).toEqual(['answer', 'error', 'answer']);
    expect(timeline.entries[1]).toMatchObject({ error: 'HTTP 502', status: 502 });
    expect(timeline).toMatchObject({ region: 'us-east-1', answers: 2, errors: 1, lastSwitch: null });
  });

  test('marks a switch and times it from the old region\'s last answer, counting errors in between', () => {
    const timeline = play([
      { at: 0, latencyMs: 20, region: 'us-east-1' },
      { at: 1000, latencyMs: 20, region: 'us-east-1' },
      { at: 2000, latencyMs: 30, error: 'request failed' },
      { at: 3500, latencyMs: 80, region: 'us-west-2' },
    ]);
    expect(timeline.entries[3]).toMatchObject({ kind: 'switch', from: 'us-east-1', region: 'us-west-2' });
    expect(timeline.lastSwitch).toEqual({ from: 'us-east-1', to: 'us-west-2', at: 3500, tookMs: 2500, errorsBetween: 1 });
  });

  test('the first answer is no switch, and the last switch is the latest one', () => {
    const timeline = play([
      { at: 0, latencyMs: 1, region: 'a' },
      { at: 10, latencyMs: 1, region: 'b' },
      { at: 30, latencyMs: 1, region: 'a' },
    ]);
    expect(timeline.entries.map((e) => e.kind)).toEqual(['answer', 'switch', 'switch']);
    expect(timeline.lastSwitch).toMatchObject({ from: 'b', to: 'a', tookMs: 20 });
  });

  test('does not mutate the previous state', () => {
    const before = play([{ at: 0, latencyMs: 1, region: 'a' }]);
    T.record(before, { at: 1, latencyMs: 1, region: 'b' });
    expect(before.entries).toHaveLength(1);
    expect(before.region).toBe('a');
  });

  test('keeps at most MAX_ENTRIES, dropping the oldest', () => {
    let timeline = T.emptyTimeline();
    for (let i = 0; i < T.MAX_ENTRIES + 3; i++) timeline = T.record(timeline, { at: i, latencyMs: 1, region: 'a' });
    expect(timeline.entries).toHaveLength(T.MAX_ENTRIES);
    expect(timeline.entries[0].at).toBe(3);
  });
});

describe('regionOf', () => {
  test.each([
    [{ message: helloText('eu-west-1') }, 'eu-west-1'],
    [{ message: 'hello' }, null],
    [null, null],
    [{ status: 'ok' }, null],
  ])('%j -> %s', (body, region) => expect(T.regionOf(body)).toBe(region));
});

describe('readSettings', () => {
  test('defaults: no endpoint, every 10 s', () => {
    expect(T.readSettings('', {})).toEqual({ endpoint: '', pollSeconds: 10, problems: [] });
  });

  test('settings.json, with the query string winning', () => {
    expect(T.readSettings('', { endpoint: 'http://127.0.0.1:3000/', pollSeconds: 2 }))
      .toEqual({ endpoint: 'http://127.0.0.1:3000', pollSeconds: 2, problems: [] });
    expect(T.readSettings('?endpoint=https://api.example.com&interval=0.5', { endpoint: 'http://x', pollSeconds: 2 }))
      .toEqual({ endpoint: 'https://api.example.com', pollSeconds: 0.5, problems: [] });
  });

  test('bad values are named and ignored', () => {
    const settings = T.readSettings('?endpoint=ftp://x&interval=0', {});
    expect(settings).toMatchObject({ endpoint: '', pollSeconds: 10 });
    expect(settings.problems).toEqual([
      'endpoint "ftp://x" is not an http(s) URL',
      'interval "0" is not a number of seconds >= 0.1',
    ]);
  });
});

test('helloUrl and formatDuration', () => {
  expect(T.helloUrl('https://api.example.com/')).toBe(`https://api.example.com${CLIENT_HELLO_PATH}`);
  expect([999.4, 999.6, 2500, 65000].map(T.formatDuration)).toEqual(['999 ms', '1.0 s', '2.5 s', '1 min 5 s']);
});
