import { UsageError } from '../../../tools/cli/args';
import { readPlanChangeArgs } from '../../../tools/plan-change/args';

describe('readPlanChangeArgs', () => {
  test('--to defaults to the config in use', () => {
    expect(readPlanChangeArgs({ from: 'a.json' }, { MULTI_REGION_CONFIG: 'live.json' }))
      .toEqual({ kind: 'configs', from: 'a.json', to: 'live.json', json: false });
    expect(readPlanChangeArgs({ from: 'a.json' }, {})).toEqual(expect.objectContaining({ to: 'config/example.json' }));
  });

  test('--from-app names the app that synthesizes --from; it cannot go with --plan', () => {
    expect(readPlanChangeArgs({ from: 'a.json', 'from-app': 'old/dist/main.js' }, {})).toEqual(expect.objectContaining({ fromApp: 'old/dist/main.js' }));
    expect(() => readPlanChangeArgs({ plan: 'p.json', 'from-app': 'old/dist/main.js' }, {})).toThrow(/drop --from\/--to\/--from-app/);
  });

  test('--plan stands alone; --from or --plan is required (UsageError: one line, exit 2)', () => {
    expect(readPlanChangeArgs({ plan: 'p.json', json: true }, {})).toEqual({ kind: 'plan-file', plan: 'p.json', json: true });
    expect(() => readPlanChangeArgs({ plan: 'p.json', from: 'a.json' }, {})).toThrow(/--plan classifies a plan file on its own/);
    expect(() => readPlanChangeArgs({}, {})).toThrow(UsageError);
  });

  test('--waves plans a rollout from --from to --to (kept as given, parsed against the releases later); not with --plan', () => {
    expect(readPlanChangeArgs({ from: 'a.json', to: 'b.json', waves: 'us-west-2/eu-west-1,us-east-1' }, {}))
      .toEqual({ kind: 'configs', from: 'a.json', to: 'b.json', json: false, waves: 'us-west-2/eu-west-1,us-east-1' });
    expect(() => readPlanChangeArgs({ plan: 'p.json', waves: 'us-east-1' }, {})).toThrow(/drop --from\/--to\/--from-app\/--waves/);
  });
});
