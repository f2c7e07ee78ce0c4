import { pingDatabase, type DatabaseHandle } from '@motcua/db';
import type { Health } from '@motcua/contracts';
import { pingRedis } from '@motcua/platform';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { DATABASE, REDIS } from '../../infra/tokens.js';

const VERSION = process.env.npm_package_version ?? '0.1.0';
const started = Date.now();

async function check(fn: () => Promise<number>, timeoutMs: number): Promise<Health['checks']['postgres']> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const latency = await Promise.race([fn(), new Promise<number>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)))]);
    return { status: 'up', latencyMs: Math.round(latency * 10) / 10 };
  } catch (e) {
    return { status: 'down', error: e instanceof Error ? e.message : String(e) };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly database: DatabaseHandle,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(): Promise<Health> {
    const [postgres, redis] = await Promise.all([check(() => pingDatabase(this.database.sql), 2000), check(() => pingRedis(this.redis, 1000), 1500)]);
    return {
      status: postgres.status === 'up' && redis.status === 'up' ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - started) / 1000),
      checks: { postgres, redis },
    };
  }
}
