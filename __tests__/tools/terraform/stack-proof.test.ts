import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildApp } from '../../../src/app';
import { AWS_REGIONS } from '../../../src/config/aws-regions';
import { ROUTE53_METRICS_REGION } from '../../../src/constructs/health-check-alarms';
import { API_STACK_NAME } from '../../../src/contract';
import { StackWorkspace } from '../../../tools/terraform/plan';
import { configAddress, PlanJson, PlannedResource, plannedResources } from '../../../tools/terraform/plan-json';
import { planCoverage } from '../../../tools/terraform/plan-checks';
import { commentOf } from '../../../tools/stack-model/references';
import { StackModel } from '../../../tools/stack-model/stack-model';
import { proveStacks, StackProof } from '../../../tools/terraform/verify';
import { FIVE_REGIONS, MINIMAL, testConfig } from '../../helpers/config';
import { addSets, CERTIFICATE_EXPIRY_SET, ERROR_RATE_EVICTION_SET, REGIONAL_API_SET, REGIONAL_FRONT_DOOR_SET } from '../../helpers/regional-set';
import { runMain } from '../../helpers/run-main';
import { describeWithTerraform, TERRAFORM_TIMEOUT_MS, workspacesFor } from '../../helpers/terraform';

// Everything Terraform runs for the stack proof, in this one file.

/** What every configured region gets, each on its own provider. */
const PER_REGION = addSets(REGIONAL_API_SET, REGIONAL_FRONT_DOOR_SET, CERTIFICATE_EXPIRY_SET, ERROR_RATE_EVICTION_SET);

function configFile(regions: readonly string[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mr-api-tf-config-')), 'config.json');
  writeFileSync(path, JSON.stringify({ ...MINIMAL, regions }));
  return path;
}

/** Regional resources live under a per-region construct of the stack (`region-<R>`, `front-door-<R>`). */
function constructRegion(stack: StackModel, address: string, regions: readonly string[]): string | undefined {
  const resource = stack.resourceAt(address);
  const path = resource ? (commentOf(resource.body).metadata as { path?: string } | undefined)?.path : undefined;
  const [, topLevel] = path?.split('/') ?? [];
  return regions.find((region) => topLevel?.endsWith(`-${region}`));
}

/** `aws_x.name.attr` references in one configured attribute, reduced to `aws_x.name`. */
function referencedResources(plan: PlanJson, address: string, attribute: string): string[] {
  const resource = plan.configuration.root_module.resources?.find((r) => r.address === configAddress(address));
  const references = resource?.expressions?.[attribute]?.references ?? [];
  return [...new Set(references.map((ref) => ref.split('.').slice(0, 2).join('.')))];
}

const afterOf = (resource: PlannedResource) => (resource.after ?? {}) as Record<string, unknown>;

/** The resources an ALIAS record's `alias` block refers to (a block: its expressions are one level down). */
function aliasTargets(plan: PlanJson, address: string): string[] {
  const resource = plan.configuration.root_module.resources?.find((r) => r.address === configAddress(address));
  const [alias] = (resource?.expressions?.alias ?? []) as unknown as Array<Record<string, { references?: string[] }>>;
  const references = Object.values(alias ?? {}).flatMap((expression) => expression.references ?? []);
  return [...new Set(references.map((ref) => ref.split('.').slice(0, 2).join('.')))];
}

/** Synthesized resources per provider (`aws.<alias>`) and type. */
function synthesizedCounts(stack: StackModel): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const { type, body: { provider = 'aws' } } of stack.allResources().filter((r) => r.mode === 'resource')) {
    const byType = counts.get(provider) ?? {};
    byType[type] = (byType[type] ?? 0) + 1;
    counts.set(provider, byType);
  }
  return counts;
}

/** Planned resources per `key(resource)` and type. */
function plannedCounts(resources: readonly PlannedResource[], key: (r: PlannedResource) => string): Map<string, Record<string, number>> {
  const counts = new Map<string, Record<string, number>>();
  for (const resource of resources) {
    const byType = counts.get(key(resource)) ?? {};
    byType[resource.type] = (byType[resource.type] ?? 0) + 1;
    counts.set(key(resource), byType);
  }
  return counts;
}

/** Route 53 publishes health-check metrics only in us-east-1, so the alarms have a provider there of their own. */
const MONITORING_PROVIDER = `aws.${ROUTE53_METRICS_REGION}-monitoring`;

const CASES = [
  { label: 'the example configuration (2 regions): init, plan, terraform test', regions: ['us-east-1', 'us-west-2'], full: true },
  { label: '5 regions: init, plan', regions: FIVE_REGIONS, full: false },
];

interface CaseRun {
  readonly workspace: StackWorkspace;
  readonly plan: PlanJson;
  readonly proofs: StackProof[];
}

/** The example stack with a misspelled attribute (caught by the schema) and a value the provider's own validation rejects. */
function invalidWorkspace(terraform: Parameters<typeof workspacesFor>[0]): StackWorkspace {
  const outdir = mkdtempSync(join(tmpdir(), 'mr-api-broken-'));
  const { app, apiStack } = buildApp(testConfig(), outdir);
  apiStack.regions[0].api.stage.addOverride('stage_nmae', 'prod');
  apiStack.regions[1].api.helloWorld.function.addOverride('memory_size', 64);
  app.synth();
  return workspacesFor(terraform, outdir).get(API_STACK_NAME)!;
}

/**
 * Starts every Terraform command of this file at once: the inits one after another (without a mirror they share a
 * plugin cache), then the example's proof, the 5-region plan and the invalid stack's plan side by side, so the file
 * takes as long as its longest chain rather than the sum of them.
 */
function startAll(terraform: Parameters<typeof workspacesFor>[0]) {
  const synthesized = CASES.map(({ regions, full }) => {
    const run = runMain(full ? {} : { MULTI_REGION_CONFIG: configFile(regions) });
    if (run.status !== 0) throw new Error(`synth failed: ${run.stderr}`);
    return workspacesFor(terraform, run.outdir);
  });
  const invalid = invalidWorkspace(terraform);
  // A failed init is remembered by its workspace and surfaces again in the plan or proof that needs it.
  // The 5-region case plans only its API stack, so only that one is initialized.
  const needed = synthesized.flatMap((workspaces, index) => (CASES[index].full ? [...workspaces.values()] : [workspaces.get(API_STACK_NAME)!]));
  const inits = [...needed, invalid]
    .reduce((previous, workspace) => previous.then(() => workspace.init().then(() => undefined, () => undefined)), Promise.resolve());
  const cases = CASES.map(({ full }, index) => inits.then(async (): Promise<CaseRun> => {
    const workspaces = synthesized[index];
    const workspace = workspaces.get(API_STACK_NAME)!;
    if (!full) return { workspace, plan: await workspace.plan(), proofs: [] };
    // What `npm run verify` does: every stack through init, plan (which validates) and terraform test.
    const proofs = await proveStacks([...workspaces.values()]);
    return { workspace, plan: proofs.find((p) => p.stack === API_STACK_NAME)!.plan, proofs };
  }));
  const invalidPlan = inits.then(() => invalid.plan().then(() => 'plan passed', (error: Error) => error.message));
  // Each is awaited by its own tests; until then a failure must not count as unhandled.
  cases.forEach((run) => run.catch(() => undefined));
  return { cases, invalidPlan };
}

describeWithTerraform('multi-region-api planned offline against hashicorp/aws', (terraform) => {
  let started: ReturnType<typeof startAll>;
  beforeAll(() => {
    started = startAll(terraform);
  }, TERRAFORM_TIMEOUT_MS);

  describe.each(CASES)('$label', ({ label, regions, full }) => {
    let workspace: StackWorkspace;
    let plan: PlanJson;
    let planned: PlannedResource[];
    let proofs: StackProof[] = [];
    const regionOf = (address: string) => constructRegion(workspace.stack.model, configAddress(address), regions);

    beforeAll(async () => {
      ({ workspace, plan, proofs } = await started.cases[CASES.findIndex((c) => c.label === label)]);
      planned = plannedResources(plan);
    }, TERRAFORM_TIMEOUT_MS);

    test('every synthesized resource is planned for creation, and nothing else', () => {
      expect(planCoverage(workspace.stack.model, plan)).toEqual({ missing: [], unexpected: [] });
      expect(planned.length).toBeGreaterThan(0);
      planned.forEach((r) => expect({ address: r.address, actions: r.actions }).toEqual({ address: r.address, actions: ['create'] }));
    });

    test('each provider plans what was synthesized on it, per resource type', () => {
      // One synthesized for_each resource (the validation records) plans one instance per key: count it once.
      const declared = [...new Map(planned.map((r) => [configAddress(r.address), r])).values()];
      const plannedByProvider = plannedCounts(declared, (r) => r.providerKey);
      const synthesized = synthesizedCounts(workspace.stack.model);
      expect([...plannedByProvider.keys()].sort()).toEqual([...synthesized.keys()].sort());
      for (const [provider, counts] of synthesized) {
        expect({ provider, counts: plannedByProvider.get(provider) }).toEqual({ provider, counts });
      }
    });

    test('one provider per configured region (alias = region), plus the us-east-1 monitoring provider', () => {
      // Terraform lists an implied, empty default `aws` configuration too; no resource uses it.
      const providers = Object.entries(plan.configuration.provider_config ?? {})
        .filter(([, p]) => p.expressions !== undefined)
        .map(([key, p]) => [key, p.expressions?.region?.constant_value]);
      expect(providers.sort()).toEqual([
        ...regions.map((region) => [`aws.${region}`, region]),
        [MONITORING_PROVIDER, ROUTE53_METRICS_REGION],
      ].sort());
    });

    test('each region plans exactly the regional set: API, functions, certificate, domains, health check, records, expiry alarm', () => {
      for (const region of regions) {
        const regional = planned.filter((r) => regionOf(r.address) === region);
        expect({ region, counts: plannedCounts(regional, () => region).get(region) }).toEqual({ region, counts: PER_REGION });
      }
    });

    test("every regional resource is bound to its own region's provider", () => {
      const providers = plan.configuration.provider_config ?? {};
      for (const resource of planned) {
        const region = regionOf(resource.address);
        if (!region) continue;
        expect({ address: resource.address, provider: resource.providerKey }).toEqual({ address: resource.address, provider: `aws.${region}` });
        expect(providers[resource.providerKey].expressions?.region?.constant_value).toBe(region);
      }
    });

    test("every latency record answers for its region and carries that region's health check", () => {
      const records = planned.filter((r) => r.type === 'aws_route53_record' && regionOf(r.address) && afterOf(r).name === 'api.example.com');
      expect(records).toHaveLength(regions.length * 2);
      for (const record of records) {
        const region = regionOf(record.address)!;
        expect({ address: record.address, after: record.after }).toEqual({
          address: record.address,
          after: expect.objectContaining({ set_identifier: region, latency_routing_policy: [{ region }] }),
        });
        const [check, ...more] = referencedResources(plan, record.address, 'health_check_id');
        expect({ record: record.address, check: check.split('.')[0], checkRegion: regionOf(check), more })
          .toEqual({ record: record.address, check: 'aws_route53_health_check', checkRegion: region, more: [] });
      }
    });

    test("every probing health check probes its own region's hostname over HTTPS, which simple ALIAS records send to that region's custom domain", () => {
      const checks = planned.filter((r) => r.type === 'aws_route53_health_check' && afterOf(r).type === 'HTTPS_STR_MATCH');
      expect(checks).toHaveLength(regions.length * 2);
      for (const check of checks) {
        const region = regionOf(check.address)!;
        const hostname = `${region}.api.example.com`;
        expect(check.after).toEqual(expect.objectContaining({ port: 443, fqdn: hostname, enable_sni: true }));
        expect(['/v1/healthcheck', '/v1/helloworld']).toContain(afterOf(check).resource_path);
        const records = planned.filter((r) => r.type === 'aws_route53_record' && afterOf(r).name === hostname);
        expect(records.map((r) => [afterOf(r).type, afterOf(r).set_identifier ?? null, regionOf(r.address)]).sort())
          .toEqual([['A', null, region], ['AAAA', null, region]]);
        for (const record of records) {
          const [domain, ...more] = aliasTargets(plan, record.address);
          expect({ record: record.address, domain: domain.split('.')[0], region: regionOf(domain), more })
            .toEqual({ record: record.address, domain: 'aws_api_gateway_domain_name', region, more: [] });
        }
      }
    });

    test('one validation record per distinct name: the public name once, each region\'s hostname once', () => {
      const validation = planned.filter((r) => r.type === 'aws_route53_record' && !regionOf(r.address)).map((r) => r.address);
      const key = (name: string) => expect.stringMatching(new RegExp(`\\["${name.replace(/\./g, '\\.')}"\\]$`));
      expect(validation.sort()).toEqual(expect.arrayContaining(['api.example.com', ...regions.map((r) => `${r}.api.example.com`)].map(key)));
      expect(validation).toHaveLength(1 + regions.length);
    });

    test('nothing is planned in, or pointed at, a region that is not configured (monitoring aside)', () => {
      const otherRegions = (allowed: readonly string[]) => {
        const others = AWS_REGIONS.filter((r) => !allowed.includes(r));
        return new RegExp(`(?<![a-z0-9-])(${others.join('|')})(?![0-9])`);
      };
      const regional = otherRegions(regions);
      const monitoring = otherRegions([...regions, ROUTE53_METRICS_REGION]);
      for (const resource of planned) {
        const pattern = resource.providerKey === MONITORING_PROVIDER ? monitoring : regional;
        const mention = pattern.exec(JSON.stringify(resource.after));
        expect({ address: resource.address, mentions: mention?.[1] }).toEqual({ address: resource.address, mentions: undefined });
        expect([...regions, ROUTE53_METRICS_REGION]).toContain(resource.region);
      }
    });

    if (full) {
      test("every stack fully planned and passed the repository's terraform test", () => {
        expect(proofs.map((p) => [p.stack, p.test?.passed])).toEqual([['multi-region-api', 1], ['state-bootstrap', 1]]);
      });
    }
  });

  describe('an invalid resource, slipped in through an escape hatch', () => {
    test('fails the plan, naming the resource and the problem (plan validates; the proof runs no separate validate)', async () => {
      const failure = await started.invalidPlan;
      expect(failure).toMatch(/aws_api_gateway_stage\.region-us-east-1_stage_\w+[\s\S]*No argument or block type is named "stage_nmae"/);
      expect(failure).toMatch(/memory_size to be in the range \(128 - 10240\), got 64/);
    }, TERRAFORM_TIMEOUT_MS);
  });
});
