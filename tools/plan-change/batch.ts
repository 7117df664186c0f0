import { copyFileSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import { StackModel } from '../stack-model/stack-model';
import { TerraformJson } from '../stack-model/terraform-json';
import { OFFLINE_STATE_FILE, writeOfflineOverride } from '../terraform/override';
import { runTerraform } from '../terraform/run';
import { TerraformSession } from '../terraform/session';
import { StateFile } from './prior-state/state-file';
import { ChangePlanJson } from './risk/changes';
import { StackFile } from './synth-config';

/**
 * Several stacks planned by ONE Terraform run: each stack is a module of one root, and the root configures the AWS
 * providers once and passes them to every module. A plan's cost is mostly the provider processes it starts (each
 * loads the 700 MB provider; two per configuration and plan) and its schema: nine 3-region stacks planned this way
 * take about what two planned one by one take. Each stack's resources plan exactly as they would alone (same
 * provider configuration, same prior state, no references between modules).
 */
export interface BatchMember {
  readonly stack: StackFile;
  /** The prior state of this stack alone (root-module addresses). */
  readonly state: StateFile;
}

type ProviderBlock = StackModel['awsProviders'][number];
type PlanChange = NonNullable<ChangePlanJson['resource_changes']>[number] & { module_address?: string; previous_address?: string };

const PLAN_FILE = 'batch.tfplan';
const providerBlocks = (json: TerraformJson): ProviderBlock[] => new StackModel(json).awsProviders;
const providerKey = (block: ProviderBlock): string => (block.alias === undefined ? 'aws' : `aws.${block.alias}`);

/** Members in groups that may share one root: every alias two members both use is configured the same in both. */
export function batchesOf<T extends BatchMember>(members: readonly T[]): T[][] {
  const batches: Array<{ blocks: Map<string, string>; members: T[] }> = [];
  for (const member of members) {
    const own = new Map(providerBlocks(member.stack.model.json).map((b) => [providerKey(b), JSON.stringify(b)]));
    const fits = batches.find(({ blocks }) => [...own].every(([key, block]) => (blocks.get(key) ?? block) === block));
    if (fits) {
      own.forEach((block, key) => fits.blocks.set(key, block));
      fits.members.push(member);
    } else {
      batches.push({ blocks: own, members: [member] });
    }
  }
  return batches.map((b) => b.members);
}

/** The stack as a child module: no backend, no provider blocks; it declares the aliases the root passes in. */
export function moduleJson(json: TerraformJson): TerraformJson {
  const terraform = (json.terraform ?? {}) as Record<string, unknown>;
  const required = (terraform.required_providers ?? {}) as Record<string, Record<string, unknown>>;
  const aliases = providerBlocks(json).filter((b) => b.alias !== undefined).map(providerKey);
  const aws = { ...(required.aws ?? { source: 'hashicorp/aws' }), ...(aliases.length > 0 && { configuration_aliases: aliases }) };
  return {
    ...without(json as Record<string, unknown>, 'provider'),
    terraform: { ...without(terraform, 'backend', 'cloud'), required_providers: { ...required, aws } },
  } as TerraformJson;
}

const moduleName = (index: number): string => `stack${index}`;

function without<T extends Record<string, unknown>>(object: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The root: the members' provider blocks (each alias once), one module call per member passing them all in. */
export function rootJson(members: readonly BatchMember[]): TerraformJson {
  const blocks = new Map<string, ProviderBlock>();
  members.forEach((m) => providerBlocks(m.stack.model.json).forEach((b) => blocks.set(providerKey(b), b)));
  const first = members[0].stack.model.json.terraform as Record<string, unknown> | undefined;
  return {
    terraform: { required_providers: first?.required_providers, backend: { local: { path: OFFLINE_STATE_FILE } } },
    provider: { aws: [...blocks.values()] },
    module: Object.fromEntries(members.map((m, index) => [moduleName(index), {
      source: `./${moduleName(index)}`,
      providers: Object.fromEntries(providerBlocks(m.stack.model.json).map((b) => [providerKey(b), providerKey(b)])),
    }])),
  } as TerraformJson;
}

/** One state holding every member's prior state, each member's resources in its module. */
export function combinedState(members: readonly BatchMember[]): StateFile {
  const [first] = members;
  return {
    ...first.state,
    serial: 1,
    outputs: {},
    resources: members.flatMap((m, index) => m.state.resources.map((r) => ({ ...r, module: `module.${moduleName(index)}` }))),
  };
}

/** What `terraform show -json` of the batch plan says about one member, as if it had been planned alone. */
export function memberPlan(plan: ChangePlanJson & Record<string, unknown>, index: number): ChangePlanJson {
  const module = `module.${moduleName(index)}`;
  const strip = (address: string) => (address.startsWith(`${module}.`) ? address.slice(module.length + 1) : address);
  const resourceChanges = ((plan.resource_changes ?? []) as PlanChange[]).filter((c) => c.module_address === module)
    .map((change) => ({
      ...without(change, 'module_address') as PlanChange,
      address: strip(change.address),
      ...(change.previous_address !== undefined && { previous_address: strip(change.previous_address) }),
    }));
  const calls = (plan.configuration?.root_module as { module_calls?: Record<string, { module?: unknown }> } | undefined)?.module_calls;
  return {
    format_version: plan.format_version,
    terraform_version: plan.terraform_version,
    resource_changes: resourceChanges,
    configuration: {
      provider_config: plan.configuration?.provider_config,
      root_module: calls?.[moduleName(index)]?.module as NonNullable<ChangePlanJson['configuration']>['root_module'],
    },
  } as ChangePlanJson;
}

/** Links every asset folder of the member into the root's assets/ (paths in the stack are relative to the root). */
function linkAssets(stackDir: string, rootDir: string): void {
  const assets = join(stackDir, 'assets');
  if (!existsSync(assets)) return;
  for (const kind of readdirSync(assets)) {
    mkdirSync(join(rootDir, 'assets', kind), { recursive: true });
    for (const hash of readdirSync(join(assets, kind))) {
      const target = join(rootDir, 'assets', kind, hash);
      if (!existsSync(target)) symlinkSync(join(assets, kind, hash), target, 'dir');
    }
  }
}

/**
 * Plans every member against its own prior state in one Terraform run in `dir` (`-refresh=false`, offline); resolves
 * with each member's plan, in order.
 */
export async function planBatch(session: TerraformSession, initDir: string, dir: string, members: readonly BatchMember[]): Promise<ChangePlanJson[]> {
  mkdirSync(dir, { recursive: true });
  members.forEach((member, index) => {
    mkdirSync(join(dir, moduleName(index)));
    writeFileSync(join(dir, moduleName(index), 'cdk.tf.json'), JSON.stringify(moduleJson(member.stack.model.json)));
    linkAssets(member.stack.dir, dir);
  });
  const root = rootJson(members);
  writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify(root));
  writeOfflineOverride(dir, new StackModel(root));
  copyFileSync(join(initDir, '.terraform.lock.hcl'), join(dir, '.terraform.lock.hcl'));
  writeFileSync(join(dir, OFFLINE_STATE_FILE), JSON.stringify(combinedState(members)));
  await runTerraform(session, dir, ['init', '-input=false']);
  await runTerraform(session, dir, ['plan', '-input=false', '-lock=false', '-refresh=false', `-out=${PLAN_FILE}`]);
  const { stdout } = await runTerraform(session, dir, ['show', '-json', PLAN_FILE]);
  const plan = JSON.parse(stdout) as ChangePlanJson & Record<string, unknown>;
  return members.map((_, index) => memberPlan(plan, index));
}
