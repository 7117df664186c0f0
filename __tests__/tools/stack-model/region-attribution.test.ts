import { attributeRegions, GLOBAL } from '../../../tools/stack-model/region-attribution';
import { dependenciesOf } from '../../../tools/stack-model/resource-dependencies';
import { StackModel } from '../../../tools/stack-model/stack-model';

const PROVIDERS = [
  { alias: 'us-east-1', region: 'us-east-1' }, { alias: 'eu-west-1', region: 'eu-west-1' },
  { alias: 'us-east-1-monitoring', region: 'us-east-1' },
];

describe('dependenciesOf', () => {
  const known = new Set(['aws_acm_certificate.east', 'aws_acm_certificate.west', 'aws_iam_role.r', 'aws_sns_topic.t']);

  test('every reference inside one interpolation, depends_on entries, never the // metadata', () => {
    const body = {
      name: '${merge({ for k, v in tolist(aws_acm_certificate.east.domain_validation_options): v.domain_name => v }, '
        + '{ for k, v in tolist(aws_acm_certificate.west.domain_validation_options): v.domain_name => v })[each.value].name}',
      depends_on: ['aws_iam_role.r'],
      '//': { metadata: { path: '${aws_sns_topic.t.arn}' } },
      description: 'aws_sns_topic.t is named in plain text, which is no reference',
    };
    expect(dependenciesOf(body, known)).toEqual(['aws_acm_certificate.east', 'aws_acm_certificate.west', 'aws_iam_role.r']);
  });

  test('a reference to something the stack does not have is ignored', () => {
    expect(dependenciesOf({ arn: '${aws_lambda_function.gone.arn}' }, known)).toEqual([]);
  });
});

describe('attributeRegions on a hand-written stack', () => {
  const model = new StackModel({
    provider: { aws: PROVIDERS },
    resource: {
      aws_route53_health_check: { east: { provider: 'aws.us-east-1' }, west: { provider: 'aws.eu-west-1' } },
      aws_sns_topic: { alarms: { provider: 'aws.us-east-1-monitoring' } },
      aws_cloudwatch_metric_alarm: {
        // The topic is global; the only region-owned resource it watches is east's check.
        east: { provider: 'aws.us-east-1-monitoring', dimensions: { HealthCheckId: '${aws_route53_health_check.east.id}' }, alarm_actions: ['${aws_sns_topic.alarms.arn}'] },
        both: { provider: 'aws.us-east-1-monitoring', metric_query: ['${aws_route53_health_check.east.id}', '${aws_route53_health_check.west.id}'] },
      },
      // Bound to the monitoring provider, referring only to another such resource that belongs to east.
      aws_cloudwatch_dashboard: { east: { provider: 'aws.us-east-1-monitoring', body: '${aws_cloudwatch_metric_alarm.east.arn}' } },
    },
  });

  test('regional provider -> its region; other providers -> the one region they refer to, else global', () => {
    const { owners, regions, retiredRegions } = attributeRegions(model);
    expect(Object.fromEntries(owners)).toEqual({
      'aws_route53_health_check.east': 'us-east-1',
      'aws_route53_health_check.west': 'eu-west-1',
      'aws_sns_topic.alarms': GLOBAL,
      'aws_cloudwatch_metric_alarm.east': 'us-east-1',
      'aws_cloudwatch_metric_alarm.both': GLOBAL,
      'aws_cloudwatch_dashboard.east': 'us-east-1',
    });
    expect(regions).toEqual(['eu-west-1', 'us-east-1']);
    expect(retiredRegions).toEqual([]);
  });

  test('a regional provider without resources is a retired region', () => {
    const retired = new StackModel({ provider: { aws: [...PROVIDERS, { alias: 'sa-east-1', region: 'sa-east-1' }] }, resource: {} });
    expect(attributeRegions(retired).retiredRegions).toEqual(['eu-west-1', 'sa-east-1', 'us-east-1']);
  });
});

// The synthesized stack's attribution is checked in release-id.test.ts, on the synth it makes anyway.
