import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { CONFIG, type ApiConfig } from '../config/config.js';
import { REDIS } from '../infra/tokens.js';
import { ApiError } from './api-error.js';

/** Fixed-window limit per route and client address, shared by every API instance through Redis. */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(CONFIG) private readonly config: ApiConfig,
  ) {}

  async hit(route: string, client: string, rule: { limit: number; windowSeconds: number }): Promise<void> {
    const window = Math.floor(Date.now() / 1000 / rule.windowSeconds);
    const key = `${this.config.REDIS_PREFIX}:rl:${route}:${client}:${window}`;
    const [[, count]] = (await this.redis.multi().incr(key).expire(key, rule.windowSeconds).exec()) as [[unknown, number]];
    if (count > rule.limit) throw ApiError.rateLimited(rule.windowSeconds - (Math.floor(Date.now() / 1000) % rule.windowSeconds));
  }
}
