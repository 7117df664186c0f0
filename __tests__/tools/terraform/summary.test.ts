import { formatPlanSummary, summarizePlan } from '../../../tools/terraform/summary';
import { fakePlan } from '../../helpers/plan-json';

const PROVIDERS = { 'aws.us-east-1': 'us-east-1', 'aws.eu-west-1': 'eu-west-1', 'aws.us-east-1-monitoring': 'us-east-1' };

describe('plan summary', () => {
  const plan = fakePlan([
    ['aws_lambda_function.a', 'aws.us-east-1', ['create']],
    ['aws_lambda_function.b', 'aws.us-east-1', ['create']],
    ['aws_lambda_function.c', 'aws.eu-west-1', ['create']],
    ['aws_iam_role.r[0]', 'aws.eu-west-1', ['delete', 'create']],
    ['aws_s3_bucket.unchanged', 'aws.eu-west-1', ['no-op']],
    ['aws_sns_topic.alarms', 'aws.us-east-1-monitoring', ['create']],
  ], PROVIDERS);

  test('counts changing resources per type and provider (by alias); no-ops left out', () => {
    const summary = summarizePlan(plan);
    expect(summary.providers).toEqual(['us-east-1', 'eu-west-1', 'us-east-1-monitoring']);
    expect(Object.fromEntries([...summary.counts].map(([t, byRegion]) => [t, Object.fromEntries(byRegion)]))).toEqual({
      aws_lambda_function: { 'us-east-1': 2, 'eu-west-1': 1 },
      aws_iam_role: { 'eu-west-1': 1 },
      aws_sns_topic: { 'us-east-1-monitoring': 1 },
    });
    expect(Object.fromEntries(summary.actions)).toEqual({ create: 5, delete: 1 });
  });

  test('prints a Markdown table: types down, providers across, totals last', () => {
    expect(formatPlanSummary('multi-region-api', summarizePlan(plan))).toBe([
      '**multi-region-api**: 5 to create, 1 to delete',
      '',
      '| Resource type | us-east-1 | eu-west-1 | us-east-1-monitoring | Total |',
      '| --- | --: | --: | --: | --: |',
      '| `aws_iam_role` | · | 1 | · | 1 |',
      '| `aws_lambda_function` | 2 | 1 | · | 3 |',
      '| `aws_sns_topic` | · | · | 1 | 1 |',
      '| **Total** | **2** | **2** | **1** | **5** |',
    ].join('\n'));
  });

  test('an empty plan says so', () => {
    expect(formatPlanSummary('s', summarizePlan(fakePlan([], {})))).toMatch(/^\*\*s\*\*: no changes\n/);
  });
});
