import { join } from 'path';
import { detectionSeconds, HEALTH_SEARCH_STRING } from '../../src/contract';
import { projectRoot } from '../../src/project-root';
import { ClientServer } from './client-server';
import { Controls, RegionReport, RegionStatus } from './control-routes';
import { LocalRunError } from './errors';
import { GlobalServer } from './global-server';
import { HealthChecker, HealthTransition } from './health-checker';
import { isCheckHealthy } from './check-status';
import { healthFunction, healthRouteCheck } from './health-function';
import { chooseRecord, latencyOrder } from './latency-routing';
import { LocalFunction } from './local-function';
import { LocalStackModel } from './model';
import { readStack } from './read-stack';
import { RegionalServer, RegionFault } from './regional-server';
import { CachingResolver } from './resolver';

export const DEFAULT_PORT = 3000;
export const DEFAULT_TIME_SCALE = 10;

export interface LocalRunOptions {
  /** The folder holding the synthesized cdk.tf.json and its assets. */
  readonly stackDir: string;
  /** The global endpoint's port; the client takes the next one, then one per region. 0 picks free ports. @default 3000 */
  readonly port?: number;
  /** Route 53 timings (check interval, record TTL) are divided by this. @default 10 */
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
  stop(): Promise<void>;
}

/** Starts every region, the health checks, the global endpoint and the client, all from the synthesized stack. */
export async function startLocal(options: LocalRunOptions): Promise<LocalSystem> {
  const log = options.log ?? (() => undefined);
  const timeScale = options.timeScale ?? DEFAULT_TIME_SCALE;
  const model = readStack(options.stackDir);
  const order = latencyOrder(options.latencyOrder ?? [], model.regions);
  if ('unknown' in order) throw new LocalRunError(`--latency-order: unknown region "${order.unknown}"; known: ${model.regions.join(', ')}`);

  const regions = model.regions.map((region) => new RegionalServer(model.apis.get(region)!, log));
  const checkers = new Map<string, HealthChecker>();
  const isHealthy = (id: string) => isCheckHealthy(id, {
    derived: model.derivedChecks,
    endpointHealthy: (checkId) => (model.healthChecks.has(checkId) ? checkers.get(checkId)?.healthy ?? true : undefined),
    // No CloudWatch here yet: every alarm check reads as a metric without data.
    alarmState: () => 'INSUFFICIENT_DATA',
  });
  const resolver = new CachingResolver(() => chooseRecord(model.records, order, isHealthy), timeScale);
  const healthFunctionOf = (region: string) => healthFunction(model, regions, region);

  let global: GlobalServer | undefined;
  const controls: Controls = {
    report: () => ({
      answering: global?.answering,
      regions: regions.map((server): RegionReport => {
        const checker = checkers.get(healthRouteCheck(model, server.region)?.id ?? '');
        const record = model.records.find((r) => r.targetRegion === server.region);
        return {
          region: server.region,
          status: healthFunctionStatus(() => healthFunctionOf(server.region)),
          // What latency routing sees: the check the region's records carry.
          healthy: record?.healthCheckId ? isHealthy(record.healthCheckId) : true,
          lastCheck: checker?.lastOutcome?.detail,
          fault: server.fault,
        };
      }),
    }),
    setStatus: (region: string, status: RegionStatus) => {
      healthFunctionOf(region).updateEnvironment({ STATUS: status });
      log(`${region}: STATUS=${status} set on its health function`);
    },
    setFault: (region: string, fault: RegionFault) => {
      const server = regions.find((r) => r.region === region);
      if (!server) throw new LocalRunError(`unknown region "${region}"; known: ${model.regions.join(', ')}`);
      server.setFault(fault);
      log(`${region}: fault ${fault === 'none' ? 'cleared: base path mappings restored' : 'unmapped: custom domains answer 403 Forbidden'}`);
    },
  };

  const basePort = options.port ?? DEFAULT_PORT;
  const portFor = (offset: number) => (basePort === 0 ? 0 : basePort + offset);
  const started: Array<{ stop(): Promise<void> }> = [];
  try {
    for (const [index, server] of regions.entries()) {
      await server.start(portFor(2 + index));
      started.push(server);
    }
    const regionUrls = new Map(regions.map((server) => [server.region, server.url]));
    global = new GlobalServer(resolver, regionUrls, controls, log);
    await global.start(portFor(0));
    started.push(global);
    const globalUrl = global.url;
    const client = new ClientServer(options.clientDir ?? join(projectRoot(), 'browser-client'),
      () => ({ endpoint: globalUrl, ...(options.pollSeconds ? { pollSeconds: options.pollSeconds } : {}) }));
    await client.start(portFor(1));
    started.push(client);

    for (const check of model.healthChecks.values()) {
      const checker = new HealthChecker(check, regionUrls.get(check.targetRegion)!, timeScale,
        (transition) => log(describeTransition(transition)));
      checkers.set(check.id, checker);
      checker.start();
    }
    return {
      ...controls,
      model,
      regions,
      globalUrl,
      clientUrl: client.url,
      latencyOrder: order,
      timeScale,
      modelFailoverMs: modelFailoverMs(model, timeScale),
      stop: async () => {
        checkers.forEach((checker) => checker.stop());
        await Promise.all(started.map((server) => server.stop()));
      },
    };
  } catch (error) {
    checkers.forEach((checker) => checker.stop());
    await Promise.all(started.map((server) => server.stop()));
    throw error;
  }
}

function healthFunctionStatus(find: () => LocalFunction): string {
  try {
    return find().variables.STATUS ?? '(unset)';
  } catch {
    return '(no health check)';
  }
}

function describeTransition({ check, healthy, outcome, healthyCheckers, checkers }: HealthTransition): string {
  const verdict = healthy ? 'HEALTHY' : 'UNHEALTHY';
  const name = check.searchString === HEALTH_SEARCH_STRING ? 'health check' : `check of ${check.resourcePath}`;
  const agreeing = healthy ? healthyCheckers : checkers - healthyCheckers;
  return `${check.targetRegion}: ${name} ${verdict} after ${check.failureThreshold} consecutive `
    + `${healthy ? 'successes' : 'failures'} at ${agreeing} of ${checkers} checkers (last: ${outcome.detail})`;
}

/** The slowest region's interval x threshold plus the longest record TTL, divided by the time scale. */
export function modelFailoverMs(model: LocalStackModel, timeScale: number): number {
  const detection = Math.max(0, ...[...model.healthChecks.values()].map(detectionSeconds));
  const ttl = Math.max(0, ...model.records.map((r) => r.ttlSeconds));
  return ((detection + ttl) * 1000) / timeScale;
}
