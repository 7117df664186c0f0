import { spawn } from 'child_process';
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { CLIENT_HELLO_PATH } from '../../../src/contract';
import { projectRoot } from '../../../src/project-root';
import { LocalSystem, startLocal } from '../../../tools/local/run-local';
import { manifestOf } from '../../../tools/rollout/release';
import { reportOf, settled, SLACK_MS, TIME_SCALE } from '../../helpers/error-eviction';
import { failingTwoInFive, releaseOf, withHelloCode } from '../../helpers/local-releases';
import { SteadyClient } from '../../helpers/poll-global';
import { SynthesizedApi } from '../../helpers/synthesized-release';

jest.setTimeout(120_000);

const CLI = join(projectRoot(), 'dist', 'tools', 'rollout', 'cli.js');
const [R1, R2, R3] = ['us-east-1', 'us-west-2', 'eu-west-1'];
const WAVES = `${R1},${R2}/${R3}`;
// Model seconds: a 300 s bake is 6 s at 1/50, a 15 s poll 0.3 s.
const BAKE = ['--bake', '300', '--min-requests', '100', '--poll', '15'];

/** `npm run rollout` as a user runs it against the local run (its bundle, in its own process); resolves at its exit. */
function rollout(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string; wallMs: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr, wallMs: Date.now() - started })));
}

/**
 * One local run of three regions at 1/50, a client on the global endpoint every 50 ms, and `npm run rollout --local`
 * with waves r1 then r2/r3: a release whose hello function fails 40% of requests, then a good one.
 */
describe('npm run rollout against the local run (3 regions, waves r1 then r2/r3)', () => {
  let system: LocalSystem;
  let client: SteadyClient;
  let previous: SynthesizedApi;
  const regions = [R1, R2, R3];
  const idOf = (release: SynthesizedApi, region: string) => manifestOf(release.stackDir, release.model).regions[region];
  const served = () => Object.fromEntries(system.report().regions.map((r) => [r.region, r.releasesServed]));
  const args = (to: SynthesizedApi) => ['--local', system.globalUrl, '--to', to.outdir, '--previous', previous.outdir, '--waves', WAVES,
    ...BAKE, '--json', '--state-dir', mkdtempSync(join(tmpdir(), 'rollout-local-e2e-'))];

  /** Watches `region` for `ms`: the ms until it first left DNS, or undefined if it stayed in. */
  const leftDnsWithin = async (region: string, ms: number) => {
    const watched = Date.now();
    while (Date.now() - watched < ms) {
      if (!reportOf(system, region).inDns) return Date.now() - watched;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return undefined;
  };

  beforeAll(async () => {
    previous = releaseOf({ regions });
    system = await startLocal({ stackDir: previous.stackDir, port: 0, timeScale: TIME_SCALE });
    client = new SteadyClient(`${system.globalUrl}${CLIENT_HELLO_PATH}`, 50).start();
  });
  afterAll(async () => {
    await client?.stop();
    await system?.stop();
  });

  test('a release failing 40% of requests: exit 1, r1 rolled back and in DNS, r2 and r3 never serve it', async () => {
    const bad = withHelloCode(previous, failingTwoInFive);
    await settled(system, client);
    const from = Date.now();
    const result = await rollout(args(bad));
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'rolled-back', fired: { region: R1 } });
    expect(served()).toEqual({ [R1]: [idOf(previous, R1), idOf(bad, R1), idOf(previous, R1)], [R2]: [idOf(previous, R2)], [R3]: [idOf(previous, R3)] });
    // The rollout waited out the error-rate alarm's window: r1 is in DNS when it exits and no late alarm evicts it.
    expect(reportOf(system, R1)).toMatchObject({ inDns: true, healthy: true });
    const outOfDns = await leftDnsWithin(R1, 2 * system.modelErrorRateMs!);
    expect(outOfDns).toBeUndefined();
    const failed = client.since(from).filter((answer) => answer.status !== 200);
    // The bad release failed requests (the client's or the rollout's own probes: the gate fires on whichever comes
    // first), and the client's failures, if any, came only from r1.
    expect(failed.length + JSON.parse(result.stdout).counts[R1].failed).toBeGreaterThan(0);
    expect(failed.filter((answer) => answer.servedBy !== R1)).toEqual([]);
    const failingMs = failed.length > 0 ? failed[failed.length - 1].at - failed[0].at : 0;
    expect(failingMs).toBeLessThanOrEqual(2.5 * system.modelErrorRateMs! + SLACK_MS);
    const ran = JSON.parse(result.stdout).ranNewRelease[R1] as number;
    console.log(`bad release: rollout exit 1 after ${result.wallMs} ms; client: ${failed.length} failed of ${client.since(from).length} `
      + `(all from ${R1}), failing for ${failingMs} ms after the first; ${R1} ran it ${ran} model s (${Math.round((ran * 1000) / TIME_SCALE)} ms), `
      + `in DNS at the exit and stayed in; model ${system.modelErrorRateMs} ms, bound 2.5x = ${2.5 * system.modelErrorRateMs!} ms`);
  });

  test('a good release: exit 0, zero failed requests, every region serves it', async () => {
    const good = releaseOf({ regions, lambda: { memoryMb: 256 } });
    await settled(system, client);
    const from = Date.now();
    const result = await rollout(args(good));
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'rolled-out' });
    expect(system.report().regions.map((r) => [r.region, r.release])).toEqual(regions.map((region) => [region, idOf(good, region)]));
    expect(served()[R2]).toEqual([idOf(previous, R2), idOf(good, R2)]);
    const answers = client.since(from);
    expect(answers.filter((answer) => answer.status !== 200)).toEqual([]);
    console.log(`good release: rollout exit 0 after ${result.wallMs} ms; client: 0 failed of ${answers.length}`);
  });
});
