import { closeRedis, socketKey } from '@motcua/platform';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';

/** Socket.IO over Redis pub/sub, so every API instance (and the worker's emitter) reaches every socket in a room. */
export class RedisIoAdapter extends IoAdapter {
  #adapter?: ReturnType<typeof createAdapter>;
  readonly #clients: Redis[] = [];

  connect({ pub, sub }: { pub: Redis; sub: Redis }, prefix: string): void {
    this.#clients.push(pub, sub);
    this.#adapter = createAdapter(pub, sub, { key: socketKey(prefix) });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, serveClient: false } as ServerOptions);
    if (this.#adapter) server.adapter(this.#adapter);
    return server;
  }

  // Nest closes each namespace's server separately; the shared Redis clients go once, with the last.
  override async close(server: Server): Promise<void> {
    await super.close(server);
    const clients = this.#clients.splice(0);
    await Promise.allSettled(clients.map((c) => closeRedis(c)));
  }
}
