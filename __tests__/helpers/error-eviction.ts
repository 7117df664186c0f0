import { CLIENT_HELLO_PATH } from '../../src/contract';
import { LocalSystem, startLocal } from '../../tools/local/run-local';
import { postControl, synthForLocalRun } from './local-stack';
import { SteadyClient, until } from './poll-global';

// The error path's model, 60 s x 2 periods + 60 s metric reaction + 60 s TTL = 240 s, is 4.8 s at 1/50 (periods of
// 1.2 s, probes every 0.2 s from 8 checkers a check). At 1/100 a starved test worker (load 15+ on 2 cores) delivered
// half of the probes, too few for the request floor of 20 a period.
export const TIME_SCALE = 50;
/** Scheduling jitter on a loaded CI machine; the bounds are model checks, not performance targets. */
export const SLACK_MS = 1500;
export const EAST = 'us-east-1';
export const WEST = 'us-west-2';

/** A local run of the default stack with a client calling the global endpoint every 50 ms (about 20 a period). */
export async function evictionRun(log?: string[]): Promise<{ system: LocalSystem; client: SteadyClient; stackDir: string }> {
  const stackDir = synthForLocalRun();
  const system = await startLocal({ stackDir, port: 0, timeScale: TIME_SCALE, log: (line) => log?.push(line) });
  return { system, stackDir, client: new SteadyClient(`${system.globalUrl}${CLIENT_HELLO_PATH}`, 50).start() };
}

export const periodMs = 60_000 / TIME_SCALE;
export const fault = (system: LocalSystem, region: string, body: unknown) => postControl(system.globalUrl, region, 'fault', body);
export const reportOf = (system: LocalSystem, region: string) => system.report().regions.find((r) => r.region === region)!;
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the client's last answer came from us-east-1, its error-rate alarm is OK and its last complete period
 * had no 5xx, for one period and reaction time in a row (so no evaluation still to come sees a failing period of an
 * earlier fault): a settled start.
 */
export function settled(system: LocalSystem, client: SteadyClient): Promise<number> {
  let cleanSince: number | undefined;
  return until('us-east-1 answering, its alarm OK and its periods clean', () => {
    const last = client.answers[client.answers.length - 1];
    const east = reportOf(system, EAST);
    const clean = last?.servedBy === EAST && last.status === 200 && east.alarm === 'OK' && !east.errorRate;
    cleanSince = clean ? cleanSince ?? Date.now() : undefined;
    return cleanSince !== undefined && Date.now() - cleanSince >= 2 * periodMs;
  }, 3 * system.modelErrorRateMs! + SLACK_MS);
}

/** Sets `hello-errors` at `rate` on us-east-1; resolves to the ms until the client's answers come from us-west-2. */
export async function evictEast(system: LocalSystem, client: SteadyClient, rate: number): Promise<number> {
  await settled(system, client);
  const faultAt = Date.now();
  expect((await fault(system, EAST, { fault: 'hello-errors', rate })).status).toBe(200);
  return client.waitFor(`rate ${rate}: traffic leaves us-east-1`, faultAt, (a) => a.servedBy === WEST && a.status === 200,
    2.5 * system.modelErrorRateMs! + SLACK_MS);
}

/** Clears us-east-1's fault; resolves to the ms until the client's answers come from it again. */
export async function clearEast(system: LocalSystem, client: SteadyClient): Promise<number> {
  const clearedAt = Date.now();
  expect((await fault(system, EAST, { fault: 'none' })).status).toBe(200);
  return client.waitFor('traffic returns to us-east-1', clearedAt, (a) => a.servedBy === EAST && a.status === 200,
    system.modelErrorRateMs! + SLACK_MS);
}
