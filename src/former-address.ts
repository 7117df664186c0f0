import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';

/**
 * The address cdktf gave a resource that used to be the descendant `childPath` of `scope` (a construct id that changed),
 * for `moved` and `removed` blocks. The logical id hashes the construct path below the stack, so the path is
 * rebuilt in a scratch stack that is never synthesized. Only migration shims use it: it goes with the last of them.
 */
export function formerAddress(scope: Construct, resourceType: string, ...childPath: string[]): string {
  const stack = TerraformStack.of(scope);
  const path = scope.node.scopes.slice(scope.node.scopes.indexOf(stack) + 1).map((c) => c.node.id);
  const scratch = new TerraformStack(new App({ skipValidation: true }), stack.node.id);
  const former = [...path, ...childPath].reduce<Construct>((at, id) => new Construct(at, id), scratch);
  return `${resourceType}.${scratch.getLogicalId(former.node)}`;
}
