import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { DeployedHandler } from './deployed-handlers';
import { getEvent } from '../local/proxy-event';
import { median, percentile } from './stats';

export type ProxyHandler = (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;

export interface InvocationStats {
  readonly name: string;
  readonly calls: number;
  readonly medianUs: number;
  readonly p99Us: number;
  readonly statusCode: number;
}

const PATHS: Record<string, string> = { 'hello-world': '/helloworld', 'health-check': '/healthcheck' };

/** Loads a bundled handler module (the deployed index.js) in this process. */
export function loadHandler(handler: DeployedHandler): ProxyHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is only known at run time.
  return (require(handler.modulePath) as { handler: ProxyHandler }).handler;
}

/** Runs `env` for the duration of `body`, then restores the previous values. */
export async function withEnv<T>(env: Readonly<Record<string, string>>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Times `calls` sequential in-process invocations with a proxy event, after `warmup` untimed ones (JIT, first-call
 * allocation). The health check runs with no dependencies, so both measure the handler's own work.
 */
export async function benchInvocations(handler: DeployedHandler, calls: number, warmup: number): Promise<InvocationStats> {
  const invoke = loadHandler(handler);
  const event = getEvent(PATHS[handler.name]);
  return withEnv({ ...handler.environment, DEPENDENCY_URLS: '[]' }, async () => {
    let statusCode = 0;
    for (let i = 0; i < warmup; i++) statusCode = (await invoke(event)).statusCode;
    const samples: number[] = new Array(calls);
    for (let i = 0; i < calls; i++) {
      const started = process.hrtime.bigint();
      await invoke(event);
      samples[i] = Number(process.hrtime.bigint() - started) / 1000;
    }
    return { name: handler.name, calls, medianUs: median(samples), p99Us: percentile(samples, 0.99), statusCode };
  });
}
