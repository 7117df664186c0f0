import { Change } from '../../../../tools/plan-change/risk/changes';
import { ChangePlanResult } from '../../../../tools/plan-change/plan-changes';
import { BASE_CONFIG } from './configs';

// Day 2: a stack deployed with the blog's execute-api checks (no regional hostnames) moves to the default, checks
// through each region's own hostname. One region keeps the plans small; every region plans alike.
const REGION = 'us-east-1';

/** The deployed config and the one it changes to (the scenarios' settings, so all plan in one Terraform run). */
export const HOSTNAME_CHANGE = {
  executeApi: { ...BASE_CONFIG, regions: [REGION], healthCheck: { target: 'execute-api' } },
  hostname: { ...BASE_CONFIG, regions: [REGION], healthCheck: {} },
};

/** The tests of that change, on the result the caller planned (scenarios.test.ts plans it with the others). */
export function hostnameChangeTests(planned: () => ChangePlanResult): void {
  let result: ChangePlanResult;
  let changes: readonly Change[];
  const ofType = (type: string) => changes.filter((c) => c.type === type);

  beforeAll(() => {
    result = planned();
    changes = result.classification.changes;
  });

  test('both probes are updated in place to the hostname and /v1/...: never destroyed, the records\' check keeps them', () => {
    expect(ofType('aws_route53_health_check').map((c) => [c.kind, [...c.attributes].sort()]))
      .toEqual([['update', ['fqdn', 'resource_path']], ['update', ['fqdn', 'resource_path']]]);
    expect(ofType('aws_route53_health_check').map((c) => [c.after.fqdn, c.after.resource_path]).sort())
      .toEqual([[`${REGION}.api.example.com`, '/v1/healthcheck'], [`${REGION}.api.example.com`, '/v1/helloworld']]);
  });

  test('the certificate gains the hostname as SAN: replaced create-before-destroy, the public domain moves to it in place', () => {
    expect(ofType('aws_acm_certificate').map((c) => [c.kind, c.forcedBy])).toEqual([['replace-create-before-destroy', ['subject_alternative_names']]]);
    expect(ofType('aws_api_gateway_domain_name').map((c) => [c.kind, c.after.domain_name ?? null, c.attributes]).sort()).toEqual([
      ['create', `${REGION}.api.example.com`, []],
      ['update', 'api.example.com', ['regional_certificate_arn']],
    ].sort());
  });

  test('nothing users reach is destroyed: latency records, public mapping, stage and functions are untouched', () => {
    const destroying = changes.filter((c) => c.kind === 'destroy' || c.kind === 'replace-destroy-before-create');
    // Not even the shared name's validation CNAME: its values are unknown until the new certificate exists, but the
    // record keeps what it was created with (ACM's CNAME for a name is the same for every certificate of the account).
    expect(destroying.map((c) => c.type).sort()).toEqual([]);
    const touched = new Set(changes.map((c) => c.type));
    for (const type of ['aws_api_gateway_stage', 'aws_api_gateway_deployment', 'aws_lambda_function', 'aws_api_gateway_rest_api']) {
      expect({ type, touched: touched.has(type) }).toEqual({ type, touched: false });
    }
    expect(ofType('aws_api_gateway_base_path_mapping').map((c) => c.kind)).toEqual(['create']);
    const latencyRouted = (values: Record<string, unknown>) => ((values.latency_routing_policy as unknown[] | undefined) ?? []).length > 0;
    const latency = ofType('aws_route53_record').filter((c) => latencyRouted(c.before) || latencyRouted(c.after));
    expect(latency).toEqual([]);
  });

  test('the hostname is created: its A/AAAA records and its validation record', () => {
    const created = ofType('aws_route53_record').filter((c) => c.kind === 'create').map((c) => c.after.name ?? c.address).sort();
    expect(created).toEqual([`${REGION}.api.example.com`, `${REGION}.api.example.com`,
      expect.stringMatching(new RegExp(`\\["${REGION}\\.api\\.example\\.com"\\]$`))].sort());
  });

  test('no outage risk; the certificate replacement is the one warning', () => {
    expect(result.classification.outage).toBe(false);
    expect(result.classification.findings.map((f) => [f.rule, f.severity])).toEqual([['certificate-replaced', 'warning']]);
  });
}
