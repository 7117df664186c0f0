import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { measureLocalStart } from './local-start';
import { median } from './stats';
import { measureTree, TreeMeasurement } from './whole-tree';

/** One command as users type it, timed in turn with the app so the ratio is taken pair by pair. */
export interface CommandRow {
  readonly command: string;
  readonly runs: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMb: number;
  /** Median over runs of (this run's wall / the app's wall in the same round). */
  readonly ratioToApp: number;
  readonly counted: TreeMeasurement['counted'];
}

export interface CommandResults {
  /** `node dist/main.js` for the example config, run before each command in every round. */
  readonly app: CommandRow;
  readonly rows: readonly CommandRow[];
}

interface UserCommand {
  readonly command: string;
  /** Slow commands (Terraform) run once per bench, not once per round. */
  readonly once?: boolean;
  readonly run: (outdir: string) => Promise<TreeMeasurement>;
}

/** The commands of the README's quick start and day-to-day loop; `plan:change` only where package.json has it. */
function userCommands(projectDir: string): UserCommand[] {
  const env = { CHECKPOINT_DISABLE: '1' };
  const opts = (outdir: string) => ({ cwd: projectDir, env: { ...env, CDKTF_OUTDIR: outdir } });
  const scripts = (JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const commands: UserCommand[] = [
    { command: 'npm run synth', run: async (outdir) => measureTree('npm', ['run', '--silent', 'synth'], opts(outdir)) },
    {
      command: 'npx cdktf synth (prebuilt)',
      run: async (outdir) => measureTree(join(projectDir, 'node_modules', '.bin', 'cdktf'), ['synth', '--output', outdir], opts(outdir)),
    },
    { command: 'npm run local (to first answer)', run: (outdir) => measureLocalStart(projectDir, join(outdir, 'stacks', 'multi-region-api')) },
    { command: 'npm run verify', once: true, run: async () => measureTree('npm', ['run', '--silent', 'verify'], { cwd: projectDir, env }) },
  ];
  if (scripts['plan:change']) {
    const [from, to] = renameConfigs();
    commands.push({
      command: 'npm run plan:change (3 regions, rename)',
      once: true,
      run: async () => measureTree('npm', ['run', '--silent', 'plan:change', '--', '--from', from, '--to', to], { cwd: projectDir, env }),
    });
  }
  return commands;
}

/**
 * Each round runs the app, then every command (the app's output folder feeds `npm run local`); slow commands run
 * in the first round only. Rows give medians and the pairwise ratio to the app.
 */
export async function benchCommands(projectDir: string, rounds: number, log: (line: string) => void): Promise<CommandResults> {
  const commands = userCommands(projectDir);
  const appRuns: TreeMeasurement[] = [];
  const runs = new Map<UserCommand, { run: TreeMeasurement; app: TreeMeasurement }[]>(commands.map((c) => [c, []]));
  const main = join(projectDir, 'dist', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` first`);
  for (let round = 1; round <= rounds; round++) {
    log(`commands round ${round}/${rounds}`);
    for (const command of commands) {
      if (command.once && round > 1) continue;
      const outdir = mkdtempSync(join(tmpdir(), 'bench-commands-'));
      try {
        const app = measureTree(process.execPath, [main], { cwd: projectDir, env: { CDKTF_OUTDIR: outdir } });
        appRuns.push(app);
        log(`  ${command.command}`);
        runs.get(command)!.push({ run: await command.run(outdir), app });
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    }
  }
  const row = (command: string, pairs: readonly { run: TreeMeasurement; app: TreeMeasurement }[]): CommandRow => ({
    command,
    runs: pairs.length,
    wallMs: median(pairs.map((p) => p.run.wallMs)),
    cpuMs: median(pairs.map((p) => p.run.cpuMs)),
    peakRssMb: median(pairs.map((p) => p.run.peakRssMb)),
    ratioToApp: median(pairs.map((p) => p.run.wallMs / p.app.wallMs)),
    counted: pairs[0].run.counted,
  });
  return {
    app: row('node dist/main.js (the app)', appRuns.map((app) => ({ run: app, app }))),
    rows: commands.map((command) => row(command.command, runs.get(command)!)),
  };
}

/** The change the budget names: a 3-region stack renamed (`namePrefix`), as two config files. */
function renameConfigs(): [string, string] {
  const dir = mkdtempSync(join(tmpdir(), 'bench-plan-change-'));
  const base = { domainName: 'api.example.com', hostedZoneId: 'Z0123456789EXAMPLE01', regions: ['us-east-1', 'us-west-2', 'eu-west-1'] };
  const files: [string, string] = [join(dir, 'from.json'), join(dir, 'to.json')];
  writeFileSync(files[0], JSON.stringify(base));
  writeFileSync(files[1], JSON.stringify({ ...base, namePrefix: 'orders-api' }));
  return files;
}
