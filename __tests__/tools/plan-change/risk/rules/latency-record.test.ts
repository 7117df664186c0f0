import { classifyPlan } from '../../../../../tools/plan-change/risk/classify';
import { latencyRecord } from '../../../../../tools/plan-change/risk/rules/latency-record';
import { fakePlan, REPLACE_CBD, REPLACE_DBC } from '../fake-plan';

const run = (...changes: Parameters<typeof fakePlan>) => classifyPlan(fakePlan(...changes), [latencyRecord]);
const record = (region: string) => ({ zone_id: 'Z1', name: 'api.example.com', type: 'A', latency_routing_policy: [{ region }] });
const address = 'aws_route53_record.front-door-eu-west-1_a';
/** Another region's record of the same name, unchanged: the name keeps an answer. */
const kept = { address: 'aws_route53_record.front-door-us-east-1_a', actions: ['no-op'], before: record('us-east-1'), after: record('us-east-1') };

describe('latency-record-removed', () => {
  test('non-compliant: a latency record destroyed or replaced destroy-before-create shifts traffic (warning)', () => {
    expect(run({ address, actions: ['delete'], before: record('eu-west-1') }, kept).findings.map((f) => [f.severity, f.scope]))
      .toEqual([['warning', 'eu-west-1']]);
    expect(run({ address, actions: REPLACE_DBC, before: record('eu-west-1') }, kept).findings).toHaveLength(1);
  });

  test('compliant: replaced create-before-destroy, or a record without latency routing destroyed', () => {
    expect(run({ address, actions: REPLACE_CBD, before: record('eu-west-1') }, kept).findings).toEqual([]);
    expect(run({ address: 'aws_route53_record.validation', actions: ['delete'], before: { type: 'CNAME' } }).findings).toEqual([]);
  });

  test('the last record of the name destroyed shifts nobody (public-name-unanswered reports that outage)', () => {
    expect(run({ address, actions: ['delete'], before: record('eu-west-1') }).findings).toEqual([]);
  });
});
