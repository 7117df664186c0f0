import { join } from 'path';
import { detectionSeconds, METRIC_CHECK_REACTION_SECONDS } from '../../src/contract';
import { projectRoot } from '../../src/project-root';
import { ClientServer } from './client-server';
import { AlarmTransition, LocalCloudWatch } from './cloudwatch';
import { Controls } from './control-routes';
import { localControls } from './controls';
import { LocalRunError } from './errors';
import { GlobalServer } from './global-server';
import { latencyOrder } from './latency-routing';
import { LocalStackModel } from './model';
import { readStack } from './read-stack';
import { RegionalServer } from './regional-server';
import { CachingResolver } from './resolver';
import { LocalRoute53 } from './route53';

export const DEFAULT_PORT = 3000;
export const DEFAULT_TIME_SCALE = 10;

export interface LocalRunOptions {
  /** The folder holding the synthesized cdk.tf.json and its assets. */
  readonly stackDir: string;
  /** The global endpoint's port; the client takes the next one, then one per region. 0 picks free ports. @default 3000 */
  readonly port?: number;
  /** Route 53 and CloudWatch timings (check interval, alarm period, metric reaction, record TTL) are divided by this. @default 10 */
  readonly timeScale?: number;
  /** Regions nearest first, as latency routing would rank them for this client. @default the config's order */
  readonly latencyOrder?: readonly string[];
  /** Poll period written into the client's settings.json. @default the client's own (10 s) */
  readonly pollSeconds?: number;
  /** @default the project's browser-client/ */
  readonly clientDir?: string;
  /** @default no logging */
  readonly log?: (line: string) => void;
}

export interface LocalSystem extends Controls {
  readonly model: LocalStackModel;
  readonly regions: readonly RegionalServer[];
  readonly globalUrl: string;
  readonly clientUrl: string;
  readonly latencyOrder: readonly string[];
  readonly timeScale: number;
  /** Worst case from a region failing to clients leaving it: interval x threshold + TTL, scaled, in ms. */
  readonly modelFailoverMs: number;
  /** The error path's worst case: period x evaluation periods + metric reaction + TTL, scaled, in ms; undefined without alarms. */
  readonly modelErrorRateMs?: number;
  stop(): Promise<void>;
}

/** Starts every region, the health checks and alarms, the global endpoint and the client, all from the synthesized stack. */
export async function startLocal(options: LocalRunOptions): Promise<LocalSystem> {
  const log = options.log ?? (() => undefined);
  const timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
  const model = readStack(options.stackDir);
  const order = latencyOrder(options.latencyOrder ?? [], model.regions);
  if ('unknown' in order) throw new LocalRunError(`--latency-order: unknown region "${order.unknown}"; known: ${model.regions.join(', ')}`);

  const cloudWatch = new LocalCloudWatch({
    alarms: model.alarms, timeScale, reactionSeconds: METRIC_CHECK_REACTION_SECONDS, onTransition: (t) => log(describeAlarm(t)),
  });
  const route53 = new LocalRoute53(model, cloudWatch, order);
  const regions = model.regions.map((region) => new RegionalServer(model.apis.get(region)!, log, (r) => cloudWatch.publish(region, r)));
  const servers: Partial<{ global: GlobalServer; client: ClientServer }> = {};
  const controls = localControls({
    model, regions, route53, cloudWatch, log,
    answering: () => servers.global?.answering,
    trustedOrigins: () => (servers.client ? servers.client.origins : []),
  });
  const stop = async () => {
    route53.stop();
    cloudWatch.stop();
    await Promise.all([...regions, servers.global, servers.client].map((server) => server?.stop()));
  };
  try {
    const resolver = new CachingResolver(() => route53.answer(), timeScale);
    await startServers(options, regions, servers, () => new GlobalServer(resolver, urlsOf(regions), controls, log));
    route53.start(urlsOf(regions), timeScale, log);
    cloudWatch.start();
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ...controls, model, regions, latencyOrder: order, timeScale, stop,
    globalUrl: servers.global!.url,
    clientUrl: servers.client!.url,
    modelFailoverMs: modelFailoverMs(model, timeScale),
    modelErrorRateMs: modelErrorRateMs(model, timeScale),
  };
}

const urlsOf = (regions: readonly RegionalServer[]) => new Map(regions.map((server) => [server.region, server.url]));

/** Regions on the base port + 2, 3, ..., the global endpoint on the base port, the client on the next one. */
async function startServers(
  options: LocalRunOptions, regions: readonly RegionalServer[], servers: { global?: GlobalServer; client?: ClientServer },
  makeGlobal: () => GlobalServer,
): Promise<void> {
  const basePort = options.port ?? DEFAULT_PORT;
  const portFor = (offset: number) => (basePort === 0 ? 0 : basePort + offset);
  for (const [index, server] of regions.entries()) await server.start(portFor(2 + index));
  servers.global = makeGlobal();
  await servers.global.start(portFor(0));
  const globalUrl = servers.global.url;
  const client = new ClientServer(options.clientDir ?? join(projectRoot(), 'browser-client'),
    () => ({ endpoint: globalUrl, ...(options.pollSeconds ? { pollSeconds: options.pollSeconds } : {}) }));
  servers.client = client;
  await client.start(portFor(1));
}

function describeAlarm({ alarm, state, value }: AlarmTransition): string {
  const shown = value === undefined ? 'no data' : `${alarm.metricName} ${alarm.statistic} ${Number(value.toPrecision(4))}`;
  return `${alarm.scope.region}: alarm ${alarm.alarmName} ${state} (last period: ${shown}; threshold ${alarm.comparison} ${alarm.threshold})`;
}

/** The slowest region's interval x threshold plus the longest record TTL, divided by the time scale. */
export function modelFailoverMs(model: LocalStackModel, timeScale: number): number {
  const detection = Math.max(0, ...[...model.healthChecks.values()].map(detectionSeconds));
  return ((detection + longestTtl(model)) * 1000) / timeScale;
}

/**
 * The error path's worst case (the stack's `error_rate_failover_seconds`): the slowest alarm's period x evaluation
 * periods, Route 53's reaction to the metric and the longest record TTL, divided by the time scale.
 */
export function modelErrorRateMs(model: LocalStackModel, timeScale: number): number | undefined {
  if (model.alarms.size === 0) return undefined;
  const judged = Math.max(...[...model.alarms.values()].map((alarm) => alarm.periodSeconds * alarm.evaluationPeriods));
  return ((judged + METRIC_CHECK_REACTION_SECONDS + longestTtl(model)) * 1000) / timeScale;
}

function longestTtl(model: LocalStackModel): number {
  return Math.max(0, ...model.records.map((r) => r.ttlSeconds));
}
