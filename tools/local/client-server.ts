import { existsSync, readdirSync, readFileSync } from 'fs';
import { Server, createServer } from 'http';
import { extname, join } from 'path';
import { LocalRunError } from './errors';
import { close, listen } from './listen';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
};

/** What the browser client reads from settings.json. */
export interface ClientSettings {
  /** Base URL; the client polls `<endpoint>/v1/helloworld`. */
  readonly endpoint: string;
  readonly pollSeconds?: number;
}

/** Serves the browser client's files and a settings.json that points it at the local global endpoint. */
export class ClientServer {
  private readonly server: Server;
  private boundPort = 0;

  constructor(clientDir: string, settings: () => ClientSettings) {
    if (!existsSync(join(clientDir, 'index.html'))) throw new LocalRunError(`${clientDir}/index.html not found`);
    const files = new Map(readdirSync(clientDir)
      .filter((name) => TYPES[extname(name)] && name !== 'settings.json')
      .map((name) => [`/${name}`, name]));
    this.server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      if (path === '/settings.json') {
        response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
        response.end(JSON.stringify(settings()));
        return;
      }
      const name = files.get(path === '/' ? '/index.html' : path);
      if (!name) {
        response.writeHead(404, { 'Content-Type': 'text/plain' });
        response.end('not found');
        return;
      }
      response.writeHead(200, { 'Content-Type': TYPES[extname(name)], 'Cache-Control': 'no-store' });
      response.end(readFileSync(join(clientDir, name)));
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}/`;
  }

  /** The origins the client's page runs under (what a browser sends as Origin from it). */
  get origins(): readonly string[] {
    return [`http://127.0.0.1:${this.boundPort}`, `http://localhost:${this.boundPort}`];
  }

  async start(port: number): Promise<number> {
    this.boundPort = await listen(this.server, port, 'browser client');
    return this.boundPort;
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}
