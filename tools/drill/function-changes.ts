import { FunctionState, statusOf, STATUS_VARIABLE } from './function-status';

/**
 * What someone else changed on the function between two reads, as short phrases: variables added, changed or removed
 * and new code. STATUS is the drill's own variable and the drill's writes move the RevisionId, so both are compared
 * only when `before` is the function right after the drill's last confirmed write (`sinceDrillWrite`).
 */
export function changesBetween(before: FunctionState, after: FunctionState, sinceDrillWrite: boolean): string[] {
  const names = (keys: string[]) => `${keys.length === 1 ? 'variable' : 'variables'} ${keys.join(', ')}`;
  const others = (state: FunctionState) => Object.keys(state.environment).filter((key) => key !== STATUS_VARIABLE);
  const added = others(after).filter((key) => !Object.hasOwn(before.environment, key));
  const removed = others(before).filter((key) => !Object.hasOwn(after.environment, key));
  const changed = others(after).filter((key) => Object.hasOwn(before.environment, key) && before.environment[key] !== after.environment[key]);
  const changes = [
    ...(added.length > 0 ? [`${names(added)} added`] : []),
    ...(changed.length > 0 ? [`${names(changed)} changed`] : []),
    ...(removed.length > 0 ? [`${names(removed)} removed`] : []),
    ...(before.codeSha256 !== after.codeSha256 ? ['new code'] : []),
  ];
  if (!sinceDrillWrite) return changes;
  const status = statusOf(after);
  if (status !== statusOf(before)) changes.push(status === undefined ? `${STATUS_VARIABLE} removed` : `${STATUS_VARIABLE} set to "${status}"`);
  if (changes.length === 0 && before.revisionId !== after.revisionId) changes.push('a setting outside the environment (new RevisionId)');
  return changes;
}

/** Phrases from both comparisons, each once. */
export function mergeChanges(...lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())];
}
