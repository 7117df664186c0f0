import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';
import { preProcessFile } from 'typescript';

/** File -> the files of the tree it imports (relative imports only; `import type` and re-exports count too). */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const SOURCE = /\.(ts|mts|mjs|js)$/;

/** Every source file under `roots` (files or folders, relative to `root`), by path relative to `root`. */
export function sourceFiles(root: string, roots: readonly string[]): string[] {
  const walk = (path: string): string[] => {
    if (statSync(path).isFile()) return SOURCE.test(path) && !path.endsWith('.d.ts') ? [path] : [];
    return readdirSync(path).filter((name) => name !== 'node_modules').flatMap((name) => walk(join(path, name)));
  };
  return roots.map((at) => resolve(root, at)).filter(existsSync).flatMap(walk).map((path) => relative(root, path)).sort();
}

/** The import graph of `files`: each file's relative imports resolved as TypeScript resolves them here. */
export function importGraph(root: string, files: readonly string[], read = (path: string) => readFileSync(join(root, path), 'utf8')): ImportGraph {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const imported = preProcessFile(read(file), true, true).importedFiles
      .map(({ fileName }) => fileName)
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => resolveImport(join(dirname(file), specifier), known))
      .filter((target): target is string => target !== undefined);
    graph.set(file, [...new Set(imported)]);
  }
  return graph;
}

function resolveImport(base: string, known: ReadonlySet<string>): string | undefined {
  const withoutJs = base.replace(/\.js$/, '');
  return [base, `${withoutJs}.ts`, `${base}.mjs`, join(base, 'index.ts')].find((candidate) => known.has(candidate));
}

/**
 * The import cycles of `graph`: one per strongly connected component of more than one file (or a file importing
 * itself), each as a path through it that ends where it starts (`a.ts -> b.ts -> a.ts`).
 */
export function importCycles(graph: ImportGraph): string[][] {
  return stronglyConnected(graph)
    .filter((group) => group.length > 1 || (graph.get(group[0]) ?? []).includes(group[0]))
    .map((group) => cycleThrough(graph, new Set(group)));
}

/** Tarjan's algorithm, iterative so a long chain of imports cannot overflow the stack. */
function stronglyConnected(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: start, next: 0 }];
    const enter = (node: string) => {
      index.set(node, index.size);
      low.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
    };
    enter(start);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = graph.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          enter(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) low.set(work[work.length - 1].node, Math.min(low.get(work[work.length - 1].node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) groups.push(popGroup(stack, onStack, frame.node));
    }
  }
  return groups;
}

function popGroup(stack: string[], onStack: Set<string>, root: string): string[] {
  const group: string[] = [];
  let node: string;
  do {
    node = stack.pop()!;
    onStack.delete(node);
    group.push(node);
  } while (node !== root);
  return group.sort();
}

/** A shortest path from the group's first file back to itself, staying inside the group (breadth first). */
function cycleThrough(graph: ImportGraph, group: ReadonlySet<string>): string[] {
  const [start] = [...group].sort();
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of graph.get(node) ?? []) {
      if (!group.has(target)) continue;
      if (target === start) return [...pathTo(cameFrom, node, start), start];
      if (!cameFrom.has(target)) {
        cameFrom.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start];
}

function pathTo(cameFrom: ReadonlyMap<string, string>, node: string, start: string): string[] {
  const path = [node];
  while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
  return path;
}
