import { ChangePlanResult, planChangeSets } from '../../../../tools/plan-change/plan-changes';
import { Change, ChangeKind } from '../../../../tools/plan-change/risk/changes';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS } from '../../../helpers/terraform';
import { BASE_CONFIG, BEFORE_ERROR_RATE_EVICTION, ScenarioName, SCENARIOS, writeConfigs } from './configs';
import { HOSTNAME_CHANGE, hostnameChangeTests } from './hostname-health-checks';
import { asPreviousVersion, FORMER_ADDRESSES, FORMER_SUBSCRIPTIONS } from './previous-version';
import { afterAtomicSwitch } from './record-type-switch';

// Every common change to a live 3-region stack, planned by the real provider offline against ONE prior state of
// the base config, converged in this run (never taken from an earlier run's cache), all in one Terraform run; with
// them the upgrade from the previous version (from a stack without error-rate eviction) and the move to hostname
// health checks (from a one-region stack), each from a prior state of its own converged alongside.

type Results = Record<ScenarioName, ChangePlanResult>;
const REGIONS: readonly string[] = BASE_CONFIG.regions;

const ofKind = (result: ChangePlanResult, ...kinds: ChangeKind[]): Change[] =>
  result.classification.changes.filter((c) => kinds.includes(c.kind));
const addresses = (changes: readonly Change[]): string[] => changes.map((c) => c.address).sort();
const REPLACES: ChangeKind[] = ['replace-create-before-destroy', 'replace-destroy-before-create'];

describeWithTerraform('changing a live stack: each change planned by hashicorp/aws against one prior state', (terraform) => {
  const results = {} as Results;
  let upgrade: ChangePlanResult;
  let hostnameChange: ChangePlanResult;
  let cnameAdopted: ChangePlanResult;

  beforeAll(async () => {
    const files = writeConfigs({ base: BASE_CONFIG, before: BEFORE_ERROR_RATE_EVICTION, ...SCENARIOS, ...HOSTNAME_CHANGE });
    const names = Object.keys(SCENARIOS) as ScenarioName[];
    const [planned, [previousVersion], [hostname]] = await planChangeSets([
      // Last in this set: CNAME records adopted after the record type was switched outside Terraform (the documented
      // procedure's second step).
      { from: files.base, to: [...names.map((name) => files[name]), { config: files.cnameRecords, editState: afterAtomicSwitch }] },
      // The base config, on a stack the previous version of this project deployed.
      { from: files.before, to: [{ config: files.base, editState: asPreviousVersion }] },
      { from: files.executeApi, to: [files.hostname] },
    ], { terraform, reuseState: false });
    hostnameChange = hostname;
    names.forEach((name, index) => { results[name] = planned[index]; });
    upgrade = previousVersion;
    cnameAdopted = planned[names.length];
  }, TERRAFORM_TIMEOUT_MS);

  test('the prior state was built in this run and converged: the base config planned against it changes nothing', () => {
    // Convergence ends on the shared run in which the base config, planned against this state, changes nothing.
    expect(results.corsOrigins.priorState).toEqual({ rounds: expect.any(Number), cached: false });
    expect(results.corsOrigins.priorState.rounds).toBeGreaterThan(0);
  });

  /** Every region moves its stage to a new deployment made in the same apply. */
  function expectRedeployedEverywhere(result: ChangePlanResult): void {
    const deployments = result.classification.changes.filter((c) => c.type === 'aws_api_gateway_deployment');
    expect(deployments.map((c) => [c.scope, c.kind]).sort()).toEqual(REGIONS.map((r) => [r, 'replace-create-before-destroy']).sort());
    const stages = result.classification.changes.filter((c) => c.type === 'aws_api_gateway_stage');
    expect(stages.map((c) => [c.scope, c.kind, c.attributes.includes('deployment_id')]).sort())
      .toEqual(REGIONS.map((r) => [r, 'update', true]).sort());
  }

  test('upgrading a stack deployed by the previous version: the account setting and its role are forgotten (never '
    + 'destroyed), subscriptions move to address keys, every stage moves to a new deployment, error-rate eviction is '
    + 'added; nothing else', () => {
    const byAddress = new Map((upgrade.plan.resource_changes ?? []).map((c) => [c.address, c]));
    for (const { account, role, policy } of Object.values(FORMER_ADDRESSES)) {
      expect([account, role, policy].map((address) => byAddress.get(address)?.change.actions.join())).toEqual(['forget', 'forget', 'forget']);
    }
    const moves = (upgrade.plan.resource_changes ?? []).filter((c) => c.address.startsWith('aws_sns_topic_subscription.health-check-alarms_'))
      .map((c) => [(c as { previous_address?: string }).previous_address, c.change.actions.join()]);
    expect(moves.sort()).toEqual(Object.values(FORMER_SUBSCRIPTIONS).map((name) => [`aws_sns_topic_subscription.${name}`, 'no-op']).sort());
    expectRedeployedEverywhere(upgrade);
    expect(ofKind(upgrade, 'forget').map((c) => c.address).sort())
      .toEqual(Object.values(FORMER_ADDRESSES).flatMap(({ account, role, policy }) => [account, role, policy]).sort());
    expect(upgrade.classification.changes.filter((c) => !['forget', 'create'].includes(c.kind)
      && !['aws_api_gateway_deployment', 'aws_api_gateway_stage'].includes(c.type)
      && !isEvictionUpdate(c))).toEqual([]);
    expectEvictionAdded(upgrade);
    expect(upgrade.classification.outage).toBe(false);
  });

  /** What error-rate eviction changes on a live stack in place: the records' and the us-east-1 alarms' check. */
  function isEvictionUpdate(change: Change): boolean {
    if (change.kind !== 'update') return false;
    const latency = change.type === 'aws_route53_record' && REGIONS.includes(change.scope);
    const alarm = change.type === 'aws_cloudwatch_metric_alarm' && change.scope === 'global';
    return (latency && change.attributes.join() === 'health_check_id') || (alarm && change.attributes.join() === 'dimensions');
  }

  /** Per region: created and in place only; every latency record keeps its name and moves to the region's new check. */
  function expectEvictionAdded(result: ChangePlanResult): void {
    const created = ofKind(result, 'create');
    for (const region of REGIONS) {
      const inRegion = created.filter((c) => c.scope === region);
      const checks = inRegion.filter((c) => c.type === 'aws_route53_health_check').map((c) => String(c.after.type)).sort();
      expect({ region, checks }).toEqual({ region, checks: ['CALCULATED', 'CALCULATED', 'CLOUDWATCH_METRIC', 'CLOUDWATCH_METRIC', 'HTTPS_STR_MATCH'] });
      expect(inRegion.filter((c) => c.type === 'aws_cloudwatch_metric_alarm')).toHaveLength(2);
      expect(inRegion.filter((c) => c.type === 'aws_api_gateway_method_settings').map((c) => c.after.method_path)).toEqual(['helloworld/GET']);
      const records = result.classification.changes.filter((c) => c.type === 'aws_route53_record' && c.scope === region);
      expect(records.map((c) => [c.kind, c.before.name, c.after.name, c.attributes])).toEqual(records.map(() => ['update', 'api.example.com', 'api.example.com', ['health_check_id']]));
      expect(records).toHaveLength(2);
    }
    expect(created.filter((c) => !REGIONS.includes(c.scope))).toEqual([]);
    expect(ofKind(result, 'destroy', 'replace-destroy-before-create')).toEqual([]);
  }

  test('renaming (namePrefix): a new deployment in every region that the stage moves to; no outage', () => {
    const { rename } = results;
    expectRedeployedEverywhere(rename);
    expect(rename.classification.findings.filter((f) => f.severity === 'outage')).toEqual([]);
    expect(rename.classification.outage).toBe(false);
    // What a rename may replace: named things. Never the front door (certificate, domain, mapping, records, checks).
    const replacedTypes = new Set(ofKind(rename, ...REPLACES).map((c) => c.type));
    for (const frontDoor of ['aws_acm_certificate', 'aws_acm_certificate_validation', 'aws_api_gateway_domain_name',
      'aws_api_gateway_base_path_mapping', 'aws_route53_record', 'aws_route53_health_check', 'aws_api_gateway_rest_api']) {
      expect(replacedTypes).not.toContain(frontDoor);
    }
    // Destroyed before their new-named copy exists: only alarm plumbing and the old roles' inline policies.
    expect(new Set(ofKind(rename, 'replace-destroy-before-create').map((c) => c.type)))
      .toEqual(new Set(['aws_cloudwatch_metric_alarm', 'aws_sns_topic', 'aws_sns_topic_subscription', 'aws_iam_role_policy']));
    expect(ofKind(rename, 'destroy')).toEqual([]);
  });

  test('changing CORS origins (integration responses): a new deployment in every region, nothing else replaced', () => {
    const { corsOrigins } = results;
    expectRedeployedEverywhere(corsOrigins);
    expect(new Set(ofKind(corsOrigins, ...REPLACES).map((c) => c.type))).toEqual(new Set(['aws_api_gateway_deployment']));
    expect(ofKind(corsOrigins, 'create', 'destroy')).toEqual([]);
    expect(corsOrigins.classification.outage).toBe(false);
  });

  test('reordering regions plans no create, replace or destroy', () => {
    expect(addresses(ofKind(results.reorderRegions, 'create', 'destroy', ...REPLACES))).toEqual([]);
  });

  test('adding a region creates in that region only; elsewhere at most in-place updates of shared things', () => {
    const { addRegion } = results;
    const created = ofKind(addRegion, 'create');
    expect(created.length).toBeGreaterThan(0);
    expect(created.filter((c) => c.scope !== 'ap-southeast-1' && !c.address.includes('ap-southeast-1'))).toEqual([]);
    expect(addresses((ofKind(addRegion, 'destroy', ...REPLACES)))).toEqual([]);
    expect(addresses((addRegion.classification.changes.filter((c) => REGIONS.includes(c.scope))))).toEqual([]);
    expect(addRegion.classification.outage).toBe(false);
  });

  test('retiring a region (retiredRegions) destroys exactly its resources and touches no other region', () => {
    const { retireFirstRegion } = results;
    const destroyed = ofKind(retireFirstRegion, 'destroy');
    expect(destroyed.length).toBeGreaterThan(10);
    expect(destroyed.filter((c) => c.scope !== 'us-east-1' && !c.address.includes('us-east-1'))).toEqual([]);
    expect(addresses((ofKind(retireFirstRegion, 'create', ...REPLACES)))).toEqual([]);
    expect(addresses((retireFirstRegion.classification.changes.filter((c) => c.scope === 'us-west-2' || c.scope === 'eu-west-1')))).toEqual([]);
    expect(retireFirstRegion.classification.outage).toBe(false);
  });

  test('dropping one alarm email destroys that address\'s subscriptions (health topic, each region\'s expiry topic), replaces none', () => {
    const { dropFirstEmail } = results;
    const { changes } = dropFirstEmail.classification;
    expect(changes).toHaveLength(1 + REGIONS.length);
    expect(changes.map((c) => [c.type, c.kind, c.before.endpoint])).toEqual(changes.map(() => ['aws_sns_topic_subscription', 'destroy', 'oncall@example.com']));
  });

  test('a health-check interval change replaces each probe create-before-destroy; the records\' check moves to them in place', () => {
    const { healthCheckInterval } = results;
    const checks = healthCheckInterval.classification.changes.filter((c) => c.type === 'aws_route53_health_check');
    // Per region: the health-route and served-route probes are replaced; the calculated check over them is updated.
    expect(checks.map((c) => [c.scope, c.kind, c.kind === 'update' ? c.attributes : c.before.resource_path]).sort()).toEqual(REGIONS.flatMap((r) => [
      [r, 'replace-create-before-destroy', '/v1/healthcheck'], [r, 'replace-create-before-destroy', '/v1/helloworld'], [r, 'update', ['child_healthchecks']],
    ]).sort());
    expect(healthCheckInterval.classification.changes.filter((c) => c.type === 'aws_route53_record')).toEqual([]);
    expect(healthCheckInterval.classification.findings.filter((f) => f.rule === 'health-check')).toEqual([]);
    expect(healthCheckInterval.classification.outage).toBe(false);
  });

  test('ALIAS -> CNAME latency records in one apply (dns.recordType): an OUTAGE naming the switch and the procedure (exit 1), '
    + 'and the zone-apex warning', () => {
    const { cnameRecords } = results;
    const records = cnameRecords.classification.changes.filter((c) => c.type === 'aws_route53_record');
    expect(records.map((c) => [c.scope, c.kind, c.kind === 'create' ? c.after.type : c.before.type]).sort())
      .toEqual(REGIONS.flatMap((r) => [[r, 'create', 'CNAME'], [r, 'destroy', 'A'], [r, 'destroy', 'AAAA']]).sort());
    expect(cnameRecords.classification.outage).toBe(true);
    expect(cnameRecords.classification.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['public-name-unanswered', 'outage'], ['cname-at-zone-apex', 'warning'],
    ]);
    expect(cnameRecords.classification.findings[0].message).toMatch(/^api\.example\.com: the apply deletes its A\/AAAA records and creates CNAME records.*#switching-the-latency-record-type/);
  });

  test('the switch done the documented way (one Route 53 batch, then the records swapped in state): the CNAME config plans no '
    + 'record change and no risk', () => {
    expect(cnameAdopted.classification.changes.filter((c) => c.type === 'aws_route53_record')).toEqual([]);
    expect(cnameAdopted.classification.findings).toEqual([]);
  });

  describe('day 2: execute-api health checks -> hostname health checks (one region)', () => {
    hostnameChangeTests(() => hostnameChange);
  });
});
