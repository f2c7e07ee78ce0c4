import { randomBytes } from 'node:crypto';
import { Emitter } from '@socket.io/redis-emitter';
import type { Envelope, Namespace } from '@motcua/contracts';
import type { Redis } from 'ioredis';

/** The Redis channel prefix shared by the API's redis-adapter and every emitter. */
export const socketKey = (prefix: string) => `${prefix}:socket.io`;

/** Where a room's numbering stands; a new epoch means the numbering restarted (Redis lost it). */
export type SeqPosition = { epoch: string; seq: number };

/**
 * A room's epoch and sequence live in one hash, so they are lost together: the first caller
 * after a loss names a new epoch (HSETNX) and numbering starts again at 1 under it.
 * ARGV[1] = a fresh epoch for that case, ARGV[2] = 1 to take the next number, 0 to read.
 */
const NEXT_SEQ = "redis.call('hsetnx', KEYS[1], 'epoch', ARGV[1]) local seq = redis.call('hincrby', KEYS[1], 'seq', tonumber(ARGV[2])) return {redis.call('hget', KEYS[1], 'epoch'), seq}";
const PUBLISH_ONCE = "if redis.call('set', KEYS[1], '1', 'NX', 'EX', ARGV[3]) then redis.call('publish', ARGV[1], ARGV[2]) return 1 end return 0";

export interface RealtimeEvent {
  namespace: Namespace | string;
  room: string;
  event: string;
  data: unknown;
}

const freshEpoch = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;

/**
 * Pushes events to browsers from any process (API instance or worker) through
 * Redis; every API instance relays them to its sockets in that room. Each event
 * gets the next per-room sequence number (with its epoch) so clients detect a gap
 * or a reset and resync. The API sends through its outbox relay; never call it
 * inside a transaction.
 */
export class RealtimePublisher {
  /** Encodes like the real emitter but hands the message back instead of publishing it. */
  readonly #encoder: Emitter;
  #encoded: [channel: string, message: Buffer] | undefined;
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.#encoder = new Emitter({ publish: (channel: string, message: Buffer) => (this.#encoded = [channel, message]) }, { key: socketKey(prefix) });
  }

  private seqKey(namespace: string, room: string) {
    return `${this.prefix}:rseq:${namespace}:${room}`;
  }

  private encode(e: RealtimeEvent, pos: SeqPosition): [string, Buffer] {
    const envelope: Envelope<unknown> = { room: e.room, epoch: pos.epoch, seq: pos.seq, at: this.clock().toISOString(), data: e.data };
    this.#encoder.of(e.namespace).to(e.room).emit(e.event, envelope);
    const encoded = this.#encoded!;
    this.#encoded = undefined;
    return encoded;
  }

  /**
   * Publishes events in order, two round trips for the lot (numbers, then messages in one pipeline).
   * Throws when Redis fails; numbers taken by a failed call leave a gap clients resync on.
   */
  async publishMany(events: readonly RealtimeEvent[]): Promise<SeqPosition[]> {
    if (!events.length) return [];
    // Not one pipeline: rooms' keys fall in different slots of a Redis Cluster. The commands still leave
    // back to back, and one room's numbers keep their order (same key, same connection).
    const positions = await Promise.all(
      events.map(async (e) => {
        const [epoch, seq] = (await this.redis.eval(NEXT_SEQ, 1, this.seqKey(e.namespace, e.room), freshEpoch(), 1)) as [string, number];
        return { epoch, seq: Number(seq) };
      }),
    );
    const sending = this.redis.pipeline();
    events.forEach((e, i) => sending.publish(...this.encode(e, positions[i]!)));
    for (const [err] of (await sending.exec())!) if (err) throw err;
    return positions;
  }

  async publish<T>(namespace: Namespace, room: string, event: string, data: T): Promise<SeqPosition> {
    const [pos] = await this.publishMany([{ namespace, room, event, data }]);
    return pos!;
  }

  /**
   * Publishes at most once per `onceKey`, ever (for `ttlSeconds`): the marker and the
   * publish happen in one Redis script, so a crash can lose neither half alone and a
   * retry after a crash never shows the event twice. Returns false when already sent.
   */
  async publishOnce<T>(namespace: Namespace, room: string, event: string, data: T, onceKey: string, ttlSeconds = 7 * 24 * 3600): Promise<boolean> {
    const pos = await this.position(namespace, room, 1);
    const [channel, message] = this.encode({ namespace, room, event, data }, pos);
    const sent = await this.redis.eval(PUBLISH_ONCE, 1, `${this.prefix}:once:${onceKey}`, channel, message, ttlSeconds);
    return sent === 1;
  }

  /**
   * Closes every socket in a room (but not in `except`) on every instance, e.g. a deactivated person's (`user:<id>`).
   * Rejects when Redis is down (the emitter would leave that rejection unhandled).
   */
  async disconnect(namespace: Namespace, room: string, except?: string): Promise<void> {
    const target = this.#encoder.of(namespace).in(room);
    (except ? target.except(except) : target).disconnectSockets(true);
    const [channel, message] = this.#encoded!;
    this.#encoded = undefined;
    await this.redis.publish(channel, message);
  }

  /** Where a room's numbering stands now, for snapshot endpoints (starts an epoch if Redis has none). */
  lastSeq(namespace: Namespace, room: string): Promise<SeqPosition> {
    return this.position(namespace, room, 0);
  }

  private async position(namespace: string, room: string, step: 0 | 1): Promise<SeqPosition> {
    const [epoch, seq] = (await this.redis.eval(NEXT_SEQ, 1, this.seqKey(namespace, room), freshEpoch(), step)) as [string, number];
    return { epoch, seq: Number(seq) };
  }
}
