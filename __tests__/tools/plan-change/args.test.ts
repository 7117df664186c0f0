import { parsePlanChangeArgs, UsageError } from '../../../tools/plan-change/args';

describe('parsePlanChangeArgs', () => {
  test('--to defaults to the config in use', () => {
    expect(parsePlanChangeArgs(['--from', 'a.json'], { MULTI_REGION_CONFIG: 'live.json' })).toEqual(expect.objectContaining({ from: 'a.json', to: 'live.json', json: false }));
    expect(parsePlanChangeArgs(['--from', 'a.json'], {}).to).toBe('config/example.json');
  });

  test('--from-app names the app that synthesizes --from; it cannot go with --plan', () => {
    expect(parsePlanChangeArgs(['--from', 'a.json', '--from-app', 'old/dist/main.js'], {}).fromApp).toBe('old/dist/main.js');
    expect(() => parsePlanChangeArgs(['--plan', 'p.json', '--from-app', 'old/dist/main.js'], {})).toThrow(/drop --from\/--to\/--from-app/);
  });

  test('--plan stands alone; --from or --plan is required; unknown flags are named', () => {
    expect(parsePlanChangeArgs(['--plan', 'p.json', '--json'], {})).toEqual(expect.objectContaining({ plan: 'p.json', json: true }));
    expect(() => parsePlanChangeArgs(['--plan', 'p.json', '--from', 'a.json'], {})).toThrow(/--plan classifies a plan file on its own/);
    expect(() => parsePlanChangeArgs([], {})).toThrow(UsageError);
    expect(() => parsePlanChangeArgs(['--frm', 'a.json'], {})).toThrow(/--frm/);
  });
});
