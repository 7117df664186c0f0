import { checkFlags } from '../cli/args';
import { Command, parseCommand } from './args';
import { banner } from './banner';
import { LocalRunError } from './errors';
import { defaultStackDir } from './read-stack';
import { DEFAULT_PORT, DEFAULT_TIME_SCALE, startLocal } from './run-local';

const stamp = () => new Date().toISOString().slice(11, 23);
const log = (line: string) => console.log(`[${stamp()}] ${line}`);

async function run(command: Extract<Command, { kind: 'run' }>): Promise<void> {
  const stackDir = command.stackDir ?? defaultStackDir();
  const system = await startLocal({ ...command, stackDir, log });
  console.log(banner(system, stackDir));
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void system.stop().then(() => {
      console.log('stopped');
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** `flip`, `fault` and `status` talk to a running `npm run local` over its control routes. */
async function control(command: Extract<Command, { kind: 'flip' | 'fault' | 'status' }>): Promise<void> {
  const base = `http://127.0.0.1:${command.port}/control/regions`;
  const post = (what: string, body: unknown) => fetch(`${base}/${encodeURIComponent((command as { region: string }).region)}/${what}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body),
  });
  let response: Response;
  try {
    if (command.kind === 'flip') response = await post('status', { status: command.status });
    else if (command.kind === 'fault') response = await post('fault', command.fault);
    else response = await fetch(base);
  } catch {
    throw new LocalRunError(`nothing answers on 127.0.0.1:${command.port}: start \`npm run local\` first (or pass its --port)`);
  }
  const body = await response.json() as { message?: string };
  if (!response.ok) throw new LocalRunError(body.message ?? `control answered HTTP ${response.status}`);
  console.log(JSON.stringify(body, null, 2));
}

async function main(argv: readonly string[]): Promise<void> {
  const command = checkFlags('npm run local', () => parseCommand(argv, { port: DEFAULT_PORT, timeScale: DEFAULT_TIME_SCALE }));
  if (command.kind === 'run') return run(command);
  return control(command);
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`npm run local: ${error instanceof LocalRunError ? error.message : `unexpected error: ${error.message}`}`);
  process.exit(1);
});
