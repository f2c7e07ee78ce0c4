import { randomUUID } from 'node:crypto';
import { closeRedis } from '@motcua/platform';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

/** What can be forgotten: one center's setup (key: its id), or every calendar (key unused). */
export type CacheTopic = 'center' | 'calendars';
type Message = { from: string; topic: CacheTopic; key: string };

/**
 * Tells every API process to drop what it keeps in memory about something just saved on one of
 * them (a center's hours, a holiday), so replicas behind the load balancer answer alike at once.
 * Best effort: while Redis is down a message is lost and the other processes' caches end at their
 * own expiry.
 */
export class CacheBroadcast implements OnApplicationShutdown {
  readonly #self = randomUUID();
  readonly #handlers = new Map<CacheTopic, (key: string) => void>();
  readonly #channel: string;

  constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    prefix: string,
  ) {
    this.#channel = `${prefix}:cache-forget`;
    subscriber.on('message', (channel: string, raw: string) => channel === this.#channel && this.receive(raw));
    void subscriber.subscribe(this.#channel).catch(() => {});
  }

  /** What this process drops when any process forgets `key` of `topic`. */
  on(topic: CacheTopic, drop: (key: string) => void): void {
    this.#handlers.set(topic, drop);
  }

  /** Drops here at once (the caller's next request must see the change), then on the other processes. */
  forget(topic: CacheTopic, key = ''): void {
    this.#handlers.get(topic)?.(key);
    const message: Message = { from: this.#self, topic, key };
    void this.publisher.publish(this.#channel, JSON.stringify(message)).catch(() => {});
  }

  private receive(raw: string): void {
    // A stray message on the channel must not throw inside the Redis client's event handler.
    let m: Partial<Message> | null;
    try {
      m = JSON.parse(raw) as Partial<Message> | null;
    } catch {
      return;
    }
    if (m && m.from !== this.#self && typeof m.key === 'string') this.#handlers.get(m.topic as CacheTopic)?.(m.key);
  }

  async onApplicationShutdown(): Promise<void> {
    await closeRedis(this.subscriber);
  }
}
