import { runDryRun, WavePlan, WavePlanner, wavePlanProblems, WavePlanRequest } from '../../../tools/rollout/dry-run';
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
      '  us-west-2       update                         aws_lambda_function.west  -',
      'wave 2 (us-east-1):',
      '  no changes',
      'final step (global resources; then a full plan must show no change):',
      '  global          create                         aws_sns_topic_subscription.ops  -',
    ]);
  });

  test('--json prints the planner\'s plan as it is: {"waves":[{"regions","changes"}],"final":{"changes"}}', async () => {
    const printed: string[] = [];
    await runDryRun(fakePlanner(), request, true, new AbortController().signal, (text) => printed.push(text));
    expect(JSON.parse(printed[0])).toEqual(PLAN);
  });

  test('a plan the rollout would go through has no problems', () => {
    expect(wavePlanProblems(PLAN)).toEqual([]);
  });

  test('a change outside its wave, one the waves left for the full plan, and an outage risk: one line each, naming the step', () => {
    const change = (risk: string) => ({ address: 'aws_lambda_function.east', region: 'us-east-1', action: 'update', risk });
    const plan: WavePlan = {
      waves: [{ regions: ['us-west-2'], changes: [change('STOP outside-wave'), change('OUTAGE stale-stage-snapshot; STOP outside-wave')] }],
      final: { changes: [change('STOP not-in-any-wave'), change('WARNING latency-record')] },
    };
    expect(wavePlanProblems(plan)).toEqual([
      'wave 1: 2 change(s) outside its regions (STOP outside-wave): the rollout stops before applying it',
      'wave 1: 1 change(s) classified as an outage (OUTAGE)',
      'the final step: the full plan still has 1 change(s) no wave made (STOP not-in-any-wave): the rollout fails its last check',
    ]);
  });
});
