import { runDryRun, WavePlan, WavePlanner, WavePlanRequest } from '../../../tools/rollout/dry-run';
import { defaultWavePlanner } from '../../../tools/rollout/default-planner';
import { fakeRelease } from '../../helpers/rollout';

const request: WavePlanRequest = {
  to: fakeRelease('next', { 'us-west-2': 'w2', 'us-east-1': 'e2' }),
  previous: fakeRelease('previous', { 'us-west-2': 'w1', 'us-east-1': 'e1' }),
  waves: [['us-west-2'], ['us-east-1']],
};

const PLAN: WavePlan = {
  waves: [
    { regions: ['us-west-2'], changes: [{ address: 'aws_lambda_function.west', region: 'us-west-2', action: 'update', risk: '-' }] },
    { regions: ['us-east-1'], changes: [] },
  ],
  final: { changes: [{ address: 'aws_sns_topic_subscription.ops', region: 'global', action: 'create', risk: '-' }] },
};

/** A planner that records what it was asked. */
function fakePlanner(): WavePlanner & { requests: WavePlanRequest[] } {
  const requests: WavePlanRequest[] = [];
  return { requests, planWaves: async (asked) => { requests.push(asked); return PLAN; } };
}

describe('--dry-run', () => {
  test('asks the planner for every wave and prints its changes, per wave then the final step', async () => {
    const planner = fakePlanner();
    const printed: string[] = [];
    await runDryRun(planner, request, false, new AbortController().signal, (text) => printed.push(text));
    expect(planner.requests).toEqual([request]);
    expect(printed.join('\n').split('\n')).toEqual([
      'wave 1 (us-west-2):',
      '  us-west-2       update                aws_lambda_function.west  -',
      'wave 2 (us-east-1):',
      '  no changes',
      'final step (global resources; then a full plan must show no change):',
      '  global          create                aws_sns_topic_subscription.ops  -',
    ]);
  });

  test('--json prints the planner\'s plan as it is: {"waves":[{"regions","changes"}],"final":{"changes"}}', async () => {
    const printed: string[] = [];
    await runDryRun(fakePlanner(), request, true, new AbortController().signal, (text) => printed.push(text));
    expect(JSON.parse(printed[0])).toEqual(PLAN);
  });

  test('the default planner is not built yet and says so', async () => {
    await expect(defaultWavePlanner().planWaves(request, new AbortController().signal)).rejects.toThrow('--dry-run: the offline wave planner is not built yet');
  });
});
