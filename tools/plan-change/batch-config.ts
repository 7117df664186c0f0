import { StackModel } from '../stack-model/stack-model';
import { TerraformJson } from '../stack-model/terraform-json';
import { OFFLINE_STATE_FILE } from '../terraform/override';
import { StateFile } from './prior-state/state-file';
import { StackFile } from './synth-config';

// The Terraform configuration of a batch (see batch.ts): the root, and each stack as a module of it.

type ProviderBlock = StackModel['awsProviders'][number];

const providerBlocks = (json: TerraformJson): ProviderBlock[] => new StackModel(json).awsProviders;
const providerKey = (block: ProviderBlock): string => (block.alias === undefined ? 'aws' : `aws.${block.alias}`);

/** Members in groups that may share one root: every alias two members both use is configured the same in both. */
export function batchesOf<T extends { readonly stack: StackFile }>(members: readonly T[]): T[][] {
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

export const moduleName = (index: number): string => `stack${index}`;
/** Each stack's outputs are the root's too (`stack<i>__<name>`), so a state planned as no change includes them. */
const OUTPUT_SEPARATOR = '__';
export const rootOutput = (index: number, name: string): string => `${moduleName(index)}${OUTPUT_SEPARATOR}${name}`;

/** One stack's outputs out of the root's, under the stack's own names again. */
export function outputsOf(outputs: StateFile['outputs'], index: number): StateFile['outputs'] {
  const prefix = rootOutput(index, '');
  return Object.fromEntries(Object.entries(outputs).filter(([name]) => name.startsWith(prefix)).map(([name, o]) => [name.slice(prefix.length), o]));
}

/** A copy of `object` without `keys`. */
export function without<T extends Record<string, unknown>>(object: T, ...keys: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([key]) => !keys.includes(key)));
}

/** The root: the stacks' provider blocks (each alias once), one module call per stack passing it the aliases it uses. */
export function rootJson(stacks: readonly StackFile[]): TerraformJson {
  const blocks = new Map<string, ProviderBlock>();
  for (const block of stacks.flatMap((stack) => providerBlocks(stack.model.json))) {
    const known = blocks.get(providerKey(block));
    if (known && JSON.stringify(known) !== JSON.stringify(block)) {
      throw new Error(`${providerKey(block)} is configured differently by two stacks of one batch: group them with batchesOf`);
    }
    blocks.set(providerKey(block), block);
  }
  const first = stacks[0].model.json.terraform as Record<string, unknown> | undefined;
  return {
    terraform: { required_providers: first?.required_providers, backend: { local: { path: OFFLINE_STATE_FILE } } },
    provider: { aws: [...blocks.values()] },
    module: Object.fromEntries(stacks.map((stack, index) => [moduleName(index), {
      source: `./${moduleName(index)}`,
      providers: Object.fromEntries(providerBlocks(stack.model.json).map((b) => [providerKey(b), providerKey(b)])),
    }])),
    output: Object.fromEntries(stacks.flatMap((stack, index) => Object.entries(stack.model.json.output ?? {}).map(([name, output]) => [
      rootOutput(index, name), { value: `\${module.${moduleName(index)}.${name}}`, ...(output.sensitive === true && { sensitive: true }) },
    ]))),
  } as TerraformJson;
}
