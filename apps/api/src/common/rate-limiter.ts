import { DependencyWatch } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import SlidingWindow from 'async-ratelimiter';
import type { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { REDIS } from '../infra/tokens.js';
import { ApiError } from './api-error.js';

export type RateRule = { limit: number; windowSeconds: number };

/** A limit check waits this long for Redis before the local limit decides. */
const REDIS_TIMEOUT_MS = 250;

/**
 * A limit per route and client over a sliding window (the last `windowSeconds`, however they
 * fall on the clock: no burst of twice the limit at a window boundary), shared by every API
 * instance through Redis (async-ratelimiter: a sorted set of request times per key). While Redis
 * is down or slow each instance keeps the same limit locally (rate-limiter-flexible in memory), so
 * public pages — the hall display, the kiosk's services, sign-in — keep answering and stay limited.
 */
@Injectable()
export class RateLimiter {
  readonly #shared: SlidingWindow;
  readonly #local = new Map<string, RateLimiterMemory>();

  constructor(
    @Inject(REDIS) redis: Redis,
    @Inject(CONFIG) config: ApiConfig,
    @Inject(DependencyWatch) private readonly watch: DependencyWatch,
  ) {
    this.#shared = new SlidingWindow({ db: redis, namespace: `${config.REDIS_PREFIX}:rlw` });
  }

  /** Counts one request; throws 429 (with the seconds to wait) when over the limit. */
  async hit(route: string, client: string, rule: RateRule): Promise<void> {
    const id = `${route}:${client}`;
    // Every request is counted locally too, so the local limit that decides when Redis is slow or
    // down starts from what this instance has already let through, not from a fresh quota.
    const refusal = await this.local(rule)
      .consume(id)
      .then(
        () => null,
        (r: unknown) => {
          if (r instanceof RateLimiterRes) return ApiError.rateLimited(Math.max(1, Math.ceil(r.msBeforeNext / 1000)));
          throw r;
        },
      );
    const shared = this.watch.isUp('redis') ? await this.shared(id, rule) : null;
    if (shared) {
      if (shared.remaining > 0) return;
      // async-ratelimiter keeps its window on the real clock, so the wait is measured on it too (not a test clock).
      throw ApiError.rateLimited(Math.max(1, shared.reset - Math.floor(Date.now() / 1000)));
    }
    if (refusal) throw refusal;
  }

  /** The shared verdict, or null when Redis does not answer in time (an outage the watch reports). */
  private async shared(id: string, rule: RateRule): Promise<{ remaining: number; reset: number } | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.#shared.get({ id, max: rule.limit, duration: rule.windowSeconds * 1000 }),
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), REDIS_TIMEOUT_MS))),
      ]);
    } catch (e) {
      this.watch.down('redis', e);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  private local(rule: RateRule): RateLimiterMemory {
    const key = `${rule.limit}/${rule.windowSeconds}`;
    let limiter = this.#local.get(key);
    if (!limiter) this.#local.set(key, (limiter = new RateLimiterMemory({ points: rule.limit, duration: rule.windowSeconds })));
    return limiter;
  }
}
