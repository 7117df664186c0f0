import { Buffer } from 'buffer';
import { spawn } from 'child_process';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

/**
 * `npm run checks`: the type check (`tsc --noEmit`) and the linter (`eslint .`) at the same time. Each is mostly
 * single-threaded, so on 2 cores the pair takes as long as the type check alone. Each one's output is printed whole
 * when it ends (never interleaved); the exit code is the first non-zero one.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const CHECKS = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['.'] },
];

function run({ name, command, args }) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => resolve({ name, code: 1, text: `${error.message}\n`, seconds: 0 }));
    child.on('close', (code) => resolve({ name, code: code ?? 1, text: Buffer.concat(output).toString('utf8'), seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { name, code, text, seconds } of results) {
  process.stdout.write(`${name} ${code === 0 ? 'passed' : `failed (exit ${code})`} in ${seconds.toFixed(1)} s\n${text}`);
}
process.exit(results.find((r) => r.code !== 0)?.code ?? 0);
