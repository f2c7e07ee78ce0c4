import { Emitter } from '@socket.io/redis-emitter';
import type { Envelope, Namespace } from '@motcua/contracts';
import type { Redis } from 'ioredis';

/** The Redis channel prefix shared by the API's redis-adapter and every emitter. */
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

/**
 * Pushes events to browsers from any process (API instance or worker) through
 * Redis; every API instance relays them to its sockets in that room. Each event
 * gets the next per-room sequence number so clients can detect a gap and resync.
 * Call it after the transaction has committed, never inside it.
 */
export class RealtimePublisher {
  readonly #emitter: Emitter;
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#emitter = new Emitter(redis, { key: socketKey(prefix) });
  }

  async publish<T>(namespace: Namespace, room: string, event: string, data: T): Promise<Envelope<T>> {
    const seq = await this.redis.incr(`${this.prefix}:seq:${namespace}:${room}`);
    const envelope: Envelope<T> = { room, seq, at: this.clock().toISOString(), data };
    this.#emitter.of(namespace).to(room).emit(event, envelope);
    return envelope;
  }

  /** Closes every socket in a room on every instance, e.g. a deactivated person's (`user:<id>`). */
  disconnect(namespace: Namespace, room: string): void {
    this.#emitter.of(namespace).in(room).disconnectSockets(true);
  }

  /** The last sequence number sent to a room, for snapshot endpoints. */
  async lastSeq(namespace: Namespace, room: string): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}:seq:${namespace}:${room}`)) ?? 0);
  }
}
