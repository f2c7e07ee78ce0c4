import { DependencyWatch } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { REDIS } from '../infra/tokens.js';

/** A count of recent failures under a key, and when the last one happened. */
export interface Failures {
  count: number;
  lastAt: number;
  /** Seconds until the count is forgotten. */
  resetInSeconds: number;
}

const REDIS_TIMEOUT_MS = 250;
const none: Failures = { count: 0, lastAt: 0, resetInSeconds: 0 };

/**
 * Failed attempts per key (an account at an address, a dossier code), forgotten `windowSeconds`
 * after the last one; shared by every API instance through Redis (a hash per key with a TTL).
 * While Redis is down each instance counts locally, as the rate limiter does, so the limits hold.
 */
@Injectable()
export class FailureCounter {
  readonly #prefix: string;
  readonly #local = new Map<string, { count: number; lastAt: number; expiresAt: number }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) config: ApiConfig,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
  ) {
    this.#prefix = `${config.REDIS_PREFIX}:fail:`;
  }

  async get(key: string, now = Date.now()): Promise<Failures> {
    const shared = await this.shared(async () => {
      const [[, fields], [, ttl]] = (await this.redis.multi().hgetall(this.#prefix + key).pttl(this.#prefix + key).exec()) as [[unknown, Record<string, string>], [unknown, number]];
      if (!fields?.count) return none;
      return { count: Number(fields.count), lastAt: Number(fields.lastAt), resetInSeconds: Math.max(1, Math.ceil(ttl / 1000)) };
    });
    if (shared) return shared;
    const local = this.#local.get(key);
    if (!local || local.expiresAt <= now) return none;
    return { count: local.count, lastAt: local.lastAt, resetInSeconds: Math.max(1, Math.ceil((local.expiresAt - now) / 1000)) };
  }

  /** Records one failure; returns the new count. */
  async fail(key: string, windowSeconds: number, now = Date.now()): Promise<number> {
    const shared = await this.shared(async () => {
      const k = this.#prefix + key;
      const [[, count]] = (await this.redis.multi().hincrby(k, 'count', 1).hset(k, 'lastAt', now).expire(k, windowSeconds).exec()) as [[unknown, number]];
      return count;
    });
    if (shared !== null) return shared;
    const prev = this.#local.get(key);
    const count = prev && prev.expiresAt > now ? prev.count + 1 : 1;
    this.#local.set(key, { count, lastAt: now, expiresAt: now + windowSeconds * 1000 });
    if (this.#local.size > 100_000) for (const [k, v] of this.#local) if (v.expiresAt <= now) this.#local.delete(k);
    return count;
  }

  async clear(key: string): Promise<void> {
    this.#local.delete(key);
    await this.shared(() => this.redis.del(this.#prefix + key));
  }

  /** The Redis answer, or null when Redis is down or slow (the local count decides then). */
  private async shared<T>(fn: () => Promise<T>): Promise<T | null> {
    if (!this.watch.isUp('redis')) return null;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([fn(), new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS)))]);
    } catch (e) {
      this.watch.down('redis', e);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }
}
