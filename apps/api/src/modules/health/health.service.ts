import { pingDatabase, type DatabaseHandle } from '@motcua/db';
import type { Health } from '@motcua/contracts';
import { pingRedis, probe } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_VERSION } from '../../config/config.js';
import { DATABASE, REDIS } from '../../infra/tokens.js';

const started = Date.now();

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Health> {
    const [postgres, redis] = await Promise.all([probe(() => pingDatabase(this.database.sql), 2000), probe(() => pingRedis(this.redis, 1000), 1500)]);
    return {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded',
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      checks: { postgres, redis },
    };
  }
}
