import { PolicyRule } from '../../tools/policy/types';
import { StackModel } from '../../tools/stack-model/stack-model';

type Provider = string | { region: string; alias?: string };
type Resources = Record<string, Record<string, Record<string, unknown>>>;

/** A small stack fixture: two aliased regional providers and the given resources (and data sources). */
export function fixture(resource: Resources, data: Resources = {}, providers: Provider[] = ['us-east-1', 'us-west-2']): StackModel {
  const aws = providers.map((provider) => (typeof provider === 'string' ? { region: provider, alias: provider } : provider));
  return new StackModel({ provider: { aws }, resource, data });
}

/** The addresses a rule reports for a stack, with their messages. */
export function violationsOf(rule: PolicyRule, stack: StackModel): Array<[string, string]> {
  return rule.check(stack).map((violation) => [violation.address, violation.message]);
}
