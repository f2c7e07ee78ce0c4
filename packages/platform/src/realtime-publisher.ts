import { Emitter } from '@socket.io/redis-emitter';
import type { Envelope, Namespace } from '@motcua/contracts';
import type { Redis } from 'ioredis';

/** The Redis channel prefix shared by the API's redis-adapter and every emitter. */
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

const PUBLISH_ONCE = "if redis.call('set', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then redis.call('publish', ARGV[1], ARGV[2]) return 1 end return 0";

/**
 * Pushes events to browsers from any process (API instance or worker) through
 * Redis; every API instance relays them to its sockets in that room. Each event
 * gets the next per-room sequence number so clients can detect a gap and resync.
 * Call it after the transaction has committed, never inside it.
 */
export class RealtimePublisher {
  readonly #emitter: Emitter;
  /** Encodes like the real emitter but hands the message back instead of publishing it. */
  readonly #encoder: Emitter;
  #encoded: [channel: string, message: Buffer] | undefined;
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#emitter = new Emitter(redis, { key: socketKey(prefix) });
    this.#encoder = new Emitter({ publish: (channel: string, message: Buffer) => (this.#encoded = [channel, message]) }, { key: socketKey(prefix) });
  }

  /**
   * Publishes at most once per `onceKey`, ever (for `ttlSeconds`): the marker and the
   * publish happen in one Redis script, so a crash can lose neither half alone and a
   * retry after a crash never shows the event twice. Returns false when already sent.
   */
  async publishOnce<T>(namespace: Namespace, room: string, event: string, data: T, onceKey: string, ttlSeconds = 7 * 24 * 3600): Promise<boolean> {
    const seq = await this.redis.incr(`${this.prefix}:seq:${namespace}:${room}`);
    const envelope: Envelope<T> = { room, seq, at: this.clock().toISOString(), data };
    this.#encoder.of(namespace).to(room).emit(event, envelope);
    const [channel, message] = this.#encoded!;
    this.#encoded = undefined;
    const sent = await this.redis.eval(PUBLISH_ONCE, 1, `${this.prefix}:once:${onceKey}`, channel, message, ttlSeconds);
    return sent === 1;
  }

  async publish<T>(namespace: Namespace, room: string, event: string, data: T): Promise<Envelope<T>> {
    const seq = await this.redis.incr(`${this.prefix}:seq:${namespace}:${room}`);
    const envelope: Envelope<T> = { room, seq, at: this.clock().toISOString(), data };
    this.#emitter.of(namespace).to(room).emit(event, envelope);
    return envelope;
  }

  /** Closes every socket in a room (but not in `except`) on every instance, e.g. a deactivated person's (`user:<id>`). */
  disconnect(namespace: Namespace, room: string, except?: string): void {
    const target = this.#emitter.of(namespace).in(room);
    (except ? target.except(except) : target).disconnectSockets(true);
  }

  /** The last sequence number sent to a room, for snapshot endpoints. */
  async lastSeq(namespace: Namespace, room: string): Promise<number> {
    return Number((await this.redis.get(`${this.prefix}:seq:${namespace}:${room}`)) ?? 0);
  }
}
