import { join } from 'path';
import { importCycles, importGraph, sourceFiles } from '../../../tools/checks/import-cycles';

const ROOT = join(__dirname, '..', '..', '..');

test('no import cycle in the product, the handlers or the tools', () => {
  const files = sourceFiles(ROOT, ['main.ts', 'src', 'lambda-src', 'tools']);
  expect(files.length).toBeGreaterThan(200);
  const cycles = importCycles(importGraph(ROOT, files)).map((cycle) => cycle.join(' -> '));
  expect(cycles).toEqual([]);
});

describe('the cycle finder', () => {
  const graphOf = (sources: Record<string, string>) => importGraph('/', Object.keys(sources), (path) => sources[path]);

  test('names a cycle through type imports, re-exports and index files, as a path that returns to its start', () => {
    const graph = graphOf({
      'a/engine.ts': "import { plan } from './change-sets';\n",
      'a/change-sets.ts': "export { x } from '../b';\n",
      'b/index.ts': "import type { Engine } from '../a/engine';\nimport { readFileSync } from 'fs';\n",
      'c.ts': "import { plan } from './a/engine';\n",
    });
    expect(importCycles(graph)).toEqual([['a/change-sets.ts', 'b/index.ts', 'a/engine.ts', 'a/change-sets.ts']]);
  });

  test('a file importing itself is a cycle; a diamond is not', () => {
    expect(importCycles(graphOf({ 'self.ts': "import './self';\n" }))).toEqual([['self.ts', 'self.ts']]);
    expect(importCycles(graphOf({
      'top.ts': "import './left';\nimport './right';\n", 'left.ts': "import './bottom';\n", 'right.ts': "import './bottom';\n", 'bottom.ts': '',
    }))).toEqual([]);
  });
});
