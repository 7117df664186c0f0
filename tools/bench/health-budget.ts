import { lookup } from 'dns/promises';
import { AddressInfo, Server, Socket, createServer as createTcpServer } from 'net';
import { hostname } from 'os';
import { createServer as createHttpServer } from 'http';
import { DEFAULT_DEPENDENCY_BUDGET_MS } from '../../src/contract';
import { DeployedHandler } from './deployed-handlers';
import { loadHandler, withEnv } from './handlers';
import { getEvent } from '../local/proxy-event';
import { median } from './stats';

export interface HealthBudgetResult {
  readonly budgetMs: number;
  readonly runs: number;
  readonly medianMs: number;
  readonly maxMs: number;
  readonly statusCode: number;
  readonly body: string;
}

/**
 * The health handler's answer time when one of its two dependencies accepts the connection and never replies (the
 * other answers 200 at once): the shared budget must cut the probe off so Route 53 still gets an answer in time.
 * Both servers listen on the address this machine's name resolves to, and are called by that name: the health function
 * refuses loopback literals. The budget is the one the synthesized function carries (the config default).
 */
export async function benchHealthBudget(handler: DeployedHandler, runs: number): Promise<HealthBudgetResult> {
  const name = hostname();
  const { address } = await lookup(name);
  const sockets = new Set<Socket>();
  const hanging = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const healthy = createHttpServer((_request, response) => response.writeHead(200).end('up'));
  const hangingPort = await listen(hanging, address);
  const healthyPort = await listen(healthy, address);
  try {
    const invoke = loadHandler(handler);
    const env: Record<string, string> = {
      ...handler.environment,
      DEPENDENCY_URLS: JSON.stringify([`http://${name}:${healthyPort}/`, `http://${name}:${hangingPort}/never`]),
    };
    return await withEnv(env, async () => {
      const times: number[] = [];
      let last = { statusCode: 0, body: '' };
      for (let run = 0; run < runs; run++) {
        const started = process.hrtime.bigint();
        last = await invoke(getEvent('/healthcheck'));
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return {
        budgetMs: Number(env.DEPENDENCY_TIMEOUT_MS ?? DEFAULT_DEPENDENCY_BUDGET_MS),
        runs,
        medianMs: median(times),
        maxMs: Math.max(...times),
        statusCode: last.statusCode,
        body: last.body,
      };
    });
  } finally {
    for (const socket of sockets) socket.destroy();
    healthy.closeAllConnections();
    await Promise.all([close(hanging), close(healthy)]);
  }
}

function listen(server: Server | ReturnType<typeof createHttpServer>, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, address, () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server | ReturnType<typeof createHttpServer>): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
