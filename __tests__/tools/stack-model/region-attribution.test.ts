import { addressesOwnedBy, attributeRegions, GLOBAL } from '../../../tools/stack-model/region-attribution';
import { dependenciesOf } from '../../../tools/stack-model/resource-dependencies';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { synthesizeApi } from '../../helpers/synthesized-release';

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

describe('attributeRegions on the synthesized stack', () => {
  const { model } = synthesizeApi({
    regions: ['us-east-1', 'us-west-2', 'eu-west-1'], retiredRegions: ['sa-east-1'], alarms: { emails: ['ops@example.com'] },
  });
  const attribution = attributeRegions(model);
  const owner = (type: string, idPart: string) => {
    const found = model.resources(type).filter((r) => r.name.includes(idPart));
    expect(found).toHaveLength(1);
    return attribution.owners.get(found[0].address);
  };

  test('each region owns its API, front door, checks and records, and its us-east-1 health alarm', () => {
    expect(attribution.regions).toEqual(['eu-west-1', 'us-east-1', 'us-west-2']);
    expect(attribution.retiredRegions).toEqual(['sa-east-1']);
    expect(owner('aws_lambda_function', 'region-eu-west-1_hello-world')).toBe('eu-west-1');
    expect(owner('aws_route53_record', 'front-door-us-west-2_latency-records_aaaa')).toBe('us-west-2');
    expect(owner('aws_cloudwatch_metric_alarm', 'health-check-alarms_alarm-eu-west-1')).toBe('eu-west-1');
  });

  test('the validation records, the alarm topic and its subscriptions are global', () => {
    expect(owner('aws_route53_record', 'certificate-validation-records')).toBe(GLOBAL);
    expect(owner('aws_sns_topic', 'health-check-alarms_topic')).toBe(GLOBAL);
    expect(addressesOwnedBy(attribution, GLOBAL)).toEqual([
      expect.stringMatching(/^aws_route53_record\.certificate-validation-records/),
      expect.stringMatching(/^aws_sns_topic\.health-check-alarms_topic/),
      expect.stringMatching(/^aws_sns_topic_subscription\.health-check-alarms_email-opsexamplecom/),
    ]);
  });

  test('every resource has an owner, and the us-east-1 region owns no monitoring resource of another region', () => {
    expect(attribution.owners.size).toBe(model.addresses().length);
    const east = addressesOwnedBy(attribution, 'us-east-1');
    expect(east.filter((address) => /west|eu-/.test(address))).toEqual([]);
  });
});
