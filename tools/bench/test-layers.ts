import { spawnSync } from 'child_process';
import { join, relative } from 'path';
import { measure } from './measure';

export type Layer = 'unit' | 'synth' | 'terraform' | 'day2' | 'e2e' | 'other';

export interface TimedStep {
  readonly name: string;
  /** Test files in the layer (jest layers only). */
  readonly files?: number;
  /** Wall time, or undefined when the layer has no tests. */
  readonly wallMs?: number;
}

export interface TestTimes {
  /** One full `npm test` (typecheck and lint side by side, then jest, whose global setup runs the fast build). */
  readonly npmTestMs: number;
  /** Its parts, each run on its own: the static steps, then jest one layer at a time. */
  readonly steps: readonly TimedStep[];
}

/**
 * Which layer a test file belongs to, by path: terraform (the terraform harness, any path naming terraform), day2
 * (the change plans against a prior state, plan-change/scenarios), e2e
 * (__tests__/e2e, the browser), unit (handlers, config and AWS facts), synth (stacks, constructs, app and main, which
 * synthesize), other (anything else: local run, policy, drill, tools).
 */
export function layerOf(testPath: string): Layer {
  if (/terraform/i.test(testPath)) return 'terraform';
  if (/^__tests__\/tools\/plan-change\/scenarios\//.test(testPath)) return 'day2';
  if (/^__tests__\/e2e\//.test(testPath)) return 'e2e';
  if (/^__tests__\/(lambda-src|src\/(config|aws))\//.test(testPath)) return 'unit';
  if (/^__tests__\/(src\/(stacks|constructs|app)|main\.test\.ts$)/.test(testPath)) return 'synth';
  return 'other';
}

/** Times `npm test` as a whole and each of its parts separately (one bounded run of each). */
export function benchTests(projectDir: string, log: (line: string) => void): TestTimes {
  const jest = join(projectDir, 'node_modules', 'jest', 'bin', 'jest.js');
  const listed = spawnSync(process.execPath, [jest, '--listTests', '--json'], { cwd: projectDir, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`jest --listTests failed: ${listed.stderr.trim()}`);
  const files = (JSON.parse(listed.stdout) as string[]).map((file) => relative(projectDir, file).split('\\').join('/')).sort();
  const opts = { cwd: projectDir, env: { CHECKPOINT_DISABLE: '1' } };

  log('tests: npm test (full)');
  const npmTestMs = measure('npm', ['test', '--silent'], opts).wallMs;
  const steps: TimedStep[] = [];
  for (const script of ['checks', 'typecheck', 'lint', 'build']) {
    log(`tests: npm run ${script}`);
    steps.push({ name: script, wallMs: measure('npm', ['run', '--silent', script], opts).wallMs });
  }
  for (const layer of ['unit', 'synth', 'terraform', 'day2', 'e2e', 'other'] as const) {
    const layerFiles = files.filter((file) => layerOf(file) === layer);
    if (layerFiles.length === 0) {
      steps.push({ name: `jest:${layer}`, files: 0 });
      continue;
    }
    log(`tests: jest ${layer} (${layerFiles.length} files)`);
    const wallMs = measure(process.execPath, [jest, '--runTestsByPath', ...layerFiles], opts).wallMs;
    steps.push({ name: `jest:${layer}`, files: layerFiles.length, wallMs });
  }
  return { npmTestMs, steps };
}
