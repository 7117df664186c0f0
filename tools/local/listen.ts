import { Server } from 'http';
import { AddressInfo } from 'net';
import { LocalRunError } from './errors';

export const LOOPBACK = '127.0.0.1';

/** Listens on 127.0.0.1:`port` (0 = any free port) and resolves to the port; a busy port is one clear LocalRunError. */
export function listen(server: Server, port: number, what: string): Promise<number> {
  return new Promise((resolve, reject) => {
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      return reject(new LocalRunError(`port ${port} (${what}) is not a TCP port (0 to 65535): choose a lower --port`));
    }
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE'
        ? new LocalRunError(`port ${port} (${what}) is already in use: stop what holds it, or choose other ports with --port`)
        : new LocalRunError(`cannot listen on ${LOOPBACK}:${port} (${what}): ${error.message}`));
    };
    server.once('error', onError);
    server.listen(port, LOOPBACK, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Stops accepting and drops open (keep-alive) connections, so shutdown never waits on a browser. */
export function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
