import { formatPlanSummary, summarizePlan } from '../../../src/terraform/summary';
import { fakePlan } from '../../helpers/plan-json';

const PROVIDERS = { 'aws.us-east-1': 'us-east-1', 'aws.eu-west-1': 'eu-west-1' };

describe('plan summary', () => {
  const plan = fakePlan([
    ['aws_lambda_function.a', 'aws.us-east-1', ['create']],
    ['aws_lambda_function.b', 'aws.us-east-1', ['create']],
    ['aws_lambda_function.c', 'aws.eu-west-1', ['create']],
    ['aws_iam_role.r[0]', 'aws.eu-west-1', ['delete', 'create']],
    ['aws_s3_bucket.unchanged', 'aws.eu-west-1', ['no-op']],
  ], PROVIDERS);

  test('counts changing resources per type and provider region; no-ops left out', () => {
    const summary = summarizePlan(plan);
    expect(summary.regions).toEqual(['us-east-1', 'eu-west-1']);
    expect(Object.fromEntries([...summary.counts].map(([t, byRegion]) => [t, Object.fromEntries(byRegion)]))).toEqual({
      aws_lambda_function: { 'us-east-1': 2, 'eu-west-1': 1 },
      aws_iam_role: { 'eu-west-1': 1 },
    });
    expect(Object.fromEntries(summary.actions)).toEqual({ create: 4, delete: 1 });
  });

  test('prints a Markdown table: types down, regions across, totals last', () => {
    expect(formatPlanSummary('multi-region-api', summarizePlan(plan))).toBe([
      '**multi-region-api**: 4 to create, 1 to delete',
      '',
      '| Resource type | us-east-1 | eu-west-1 | Total |',
      '| --- | --: | --: | --: |',
      '| `aws_iam_role` | · | 1 | 1 |',
      '| `aws_lambda_function` | 2 | 1 | 3 |',
      '| **Total** | **2** | **2** | **4** |',
    ].join('\n'));
  });

  test('an empty plan says so', () => {
    expect(formatPlanSummary('s', summarizePlan(fakePlan([], {})))).toMatch(/^\*\*s\*\*: no changes\n/);
  });
});
