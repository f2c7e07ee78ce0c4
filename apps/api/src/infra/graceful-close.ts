import type { Server } from 'node:http';
import net from 'node:net';

/**
 * Stops taking connections without cutting any. Node's `server.close()` also destroys connections
 * that were accepted but whose request has not arrived yet, so a client that connected a moment
 * before the stop saw ECONNRESET. Here only the listener closes (new clients are refused), answers
 * from then on carry `Connection: close`, and the rest of the shutdown waits until every connection
 * has ended or `graceMs` has passed (live sockets are closed by the shutdown that follows).
 */
export function drainHttp(server: Server, graceMs = 3000): Promise<void> {
  if (!server.listening) return Promise.resolve();
  server.prependListener('request', (_req, res) => res.setHeader('connection', 'close'));
  return new Promise((resolve) => {
    net.Server.prototype.close.call(server, () => resolve());
    setTimeout(resolve, graceMs).unref();
  });
}
